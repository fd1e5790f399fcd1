package dev.marquee.ingestion;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Ingestion is a pipeline that flows one way: the entry points ({@code webhook/<source>},
 * {@code admin}) hand a change to {@code ingest}, which renders it ({@code render}) and
 * publishes and stores it ({@code publish}, {@code store}); nothing calls back up. The
 * content vocabulary ({@code content}) is below them all and imports nothing of the
 * service. Besides, as in every service: no package cycles, no other service imported.
 */
class ArchitectureTests {

	private static final String SERVICE = "dev.marquee.ingestion";

	private static final JavaClasses classes = ServiceArchitecture.mainClasses(SERVICE);

	@Test
	void packagesAreFreeOfCycles() {
		ServiceArchitecture.packagesAreFreeOfCycles(SERVICE).check(classes);
	}

	@Test
	void importsNoOtherService() {
		ServiceArchitecture.importsNoOtherService(SERVICE).check(classes);
	}

	@Test
	void importsOnlySharedModelServiceSupportAndItself() {
		ServiceArchitecture.importsOnlySharedModules(SERVICE).check(classes);
	}

	@Test
	void changesFlowFromWebhooksThroughIngestToRenderPublishAndStoreNeverBack() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("entry points")
			.definedBy(SERVICE + ".webhook..", SERVICE + ".admin..")
			.layer("ingest")
			.definedBy(SERVICE + ".ingest..")
			.layer("render")
			.definedBy(SERVICE + ".render..")
			.layer("publish")
			.definedBy(SERVICE + ".publish..")
			.layer("store")
			.definedBy(SERVICE + ".store..")
			.layer("content")
			.definedBy(SERVICE + ".content..")
			.whereLayer("entry points")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("ingest")
			.mayOnlyBeAccessedByLayers("entry points")
			// The web layer turns a RenderException into its 422 and lists the templates
			// for operators.
			.whereLayer("render")
			.mayOnlyBeAccessedByLayers("entry points", "ingest")
			// ... and turns a WritePathUnavailableException into its 503.
			.whereLayer("publish")
			.mayOnlyBeAccessedByLayers("entry points", "ingest")
			.whereLayer("store")
			.mayOnlyBeAccessedByLayers("ingest")
			.check(classes);
	}

	@Test
	void theContentVocabularyImportsNothingOfTheService() {
		noClasses().that()
			.resideInAPackage(SERVICE + ".content..")
			.should()
			.dependOnClassesThat(resideInAPackage(SERVICE + "..").and(resideOutsideOfPackage(SERVICE + ".content..")))
			.check(classes);
	}

	@Test
	void controllersNeverTouchTheStore() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(SERVICE + ".store..")
			.check(classes);
	}

	@Test
	void theUseCaseSpeaksNoHttp() {
		noClasses().that()
			.resideInAPackage(SERVICE + ".ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..",
					SERVICE + ".system..")
			.as("ingest uses no HTTP types: the web layer maps its exceptions to answers")
			.check(classes);
	}

}
