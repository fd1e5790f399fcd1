package dev.marquee.testsupport;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service's {@code ArchitectureTests} checks on its main
 * code: its packages import one another without cycles, and it imports no other service,
 * only {@code shared-model} ({@code dev.marquee.model}), {@code service-support}
 * ({@code dev.marquee.support}) and itself.
 */
public final class ServiceArchitecture {

	/** The root package of each service. */
	public static final List<String> SERVICES = List.of("dev.marquee.ingestion", "dev.marquee.consumer",
			"dev.marquee.hollowproducer", "dev.marquee.page");

	private ServiceArchitecture() {
	}

	/**
	 * A service's main classes, without its tests.
	 * @param service the service's root package, e.g. {@code dev.marquee.consumer}
	 * @return the classes
	 */
	public static JavaClasses mainClasses(String service) {
		// The service's own classes are a directory (target/classes): scanning every jar
		// for its packages is slow.
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(service);
	}

	/**
	 * No package of the service imports, directly or through others, a package that
	 * imports it.
	 * @param service the service's root package
	 * @return the rule
	 */
	public static ArchRule packagesAreFreeOfCycles(String service) {
		// Every package is its own slice (a subpackage too), so a cycle between a package
		// and its subpackage counts.
		return slices().matching(service + ".(**)").namingSlices("$1").should().beFreeOfCycles();
	}

	/**
	 * The service imports no other service's packages.
	 * @param service the service's root package
	 * @return the rule
	 */
	public static ArchRule importsNoOtherService(String service) {
		List<String> others = new ArrayList<>();
		for (String other : SERVICES) {
			if (!other.equals(service)) {
				others.add(other + "..");
			}
		}
		return noClasses().should()
			.dependOnClassesThat(resideInAnyPackage(others.toArray(String[]::new)))
			.as("the service " + service + " imports no other service (only dev.marquee.model, dev.marquee.support "
					+ "and itself)");
	}

	/**
	 * Of Marquee's own code the service imports only shared-model, service-support and
	 * itself.
	 * @param service the service's root package
	 * @return the rule
	 */
	public static ArchRule importsOnlySharedModules(String service) {
		return noClasses().should()
			.dependOnClassesThat(resideInAnyPackage("dev.marquee..")
				.and(not(resideInAnyPackage("dev.marquee.model..", "dev.marquee.support..", service + ".."))))
			.as("the service " + service + " imports only dev.marquee.model, dev.marquee.support and itself");
	}

}
