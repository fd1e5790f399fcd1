package dev.marquee.hollowproducer;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import dev.marquee.testsupport.ServiceArchitecture;

/**
 * The hollow producer's package structure: no import cycles between its packages, and of
 * Marquee's code only shared-model, service-support and its own.
 */
class ArchitectureTests {

	private static final JavaClasses classes = ServiceArchitecture.mainClasses("dev.marquee.hollowproducer");

	@Test
	void packagesAreFreeOfCycles() {
		ServiceArchitecture.packagesAreFreeOfCycles("dev.marquee.hollowproducer").check(classes);
	}

	@Test
	void importsNoOtherService() {
		ServiceArchitecture.importsNoOtherService("dev.marquee.hollowproducer").check(classes);
	}

	@Test
	void importsOnlySharedModelServiceSupportAndItself() {
		ServiceArchitecture.importsOnlySharedModules("dev.marquee.hollowproducer").check(classes);
	}

}
