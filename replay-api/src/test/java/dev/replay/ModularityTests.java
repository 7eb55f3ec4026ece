package dev.replay;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyDepth;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries between the feature packages of the recording side
 * ({@code dev.replay.ingest.*}) and of the application ({@code dev.replay.api.*}), each
 * an application module (ADR 0019). replay-core is a library whose packages are all
 * public, and the root packages hold no feature (the problem types both sides answer
 * with).
 */
class ModularityTests {

	// the feature packages: one level below the root package of each side
	private static final Pattern FEATURE_PACKAGE = Pattern.compile("dev\\.replay\\.(api|ingest)\\.[a-z]+");

	static final ApplicationModules modules = ApplicationModules.of(ReplayApplication.class,
			JavaClass.Predicates.resideInAPackage("dev.replay.core.."));

	@Test
	void verifiesModuleBoundariesWithoutCycles() {
		modules.verify();
	}

	@Test
	void makesEveryFeaturePackageAModule() {
		Set<String> featurePackages = new TreeSet<>();
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.contains("-tests.jar"))
			.importPackages("dev.replay.api", "dev.replay.ingest")
			.stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> FEATURE_PACKAGE.matcher(name).matches())
			.forEach(featurePackages::add);
		Set<String> modulePackages = new TreeSet<>();
		modules.forEach((module) -> modulePackages.add(module.getBasePackage().getName()));
		assertThat(featurePackages).hasSizeGreaterThanOrEqualTo(20);
		assertThat(modulePackages).isEqualTo(featurePackages);
	}

	@Test
	void usesOnlyWhatOtherModulesPublish() {
		List<String> unpublished = modules.stream()
			.flatMap((module) -> module.getDependencies(modules, DependencyDepth.IMMEDIATE).stream())
			.filter((dependency) -> !isPublished(dependency))
			.map((dependency) -> dependency.getSourceType().getName() + " uses " + dependency.getTargetType().getName()
					+ ", which " + dependency.getTargetModule().getIdentifier() + " does not publish")
			.distinct()
			.sorted()
			.toList();
		assertThat(unpublished).isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

	private static boolean isPublished(ApplicationModuleDependency dependency) {
		ApplicationModule target = dependency.getTargetModule();
		return target.getNamedInterfaces().containsInExplicitInterface(dependency.getTargetType());
	}

}
