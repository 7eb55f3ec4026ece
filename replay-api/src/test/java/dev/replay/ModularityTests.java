package dev.replay;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(ReplayApplication.class,
			JavaClass.Predicates.resideInAPackage("dev.replay.core.."));

	@Test
	void verifiesModuleBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
