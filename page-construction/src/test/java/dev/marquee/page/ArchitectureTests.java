package dev.marquee.page;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import dev.marquee.testsupport.ServiceArchitecture;

/**
 * The page-construction service's package structure: no import cycles between its
 * packages, and of Marquee's code only shared-model, service-support and its own.
 */
class ArchitectureTests {

	private static final JavaClasses classes = ServiceArchitecture.mainClasses("dev.marquee.page");

	@Test
	void packagesAreFreeOfCycles() {
		ServiceArchitecture.packagesAreFreeOfCycles("dev.marquee.page").check(classes);
	}

	@Test
	void importsNoOtherService() {
		ServiceArchitecture.importsNoOtherService("dev.marquee.page").check(classes);
	}

	@Test
	void importsOnlySharedModelServiceSupportAndItself() {
		ServiceArchitecture.importsOnlySharedModules("dev.marquee.page").check(classes);
	}

}
