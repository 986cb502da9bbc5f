package io.nopesight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrows of DESIGN.md and the package boundaries inside core, checked on every production class
 * of every module (this test sits in api, the one module that sees them all). To let a module or a core
 * package use another, change {@link #MODULES} or {@link #CORE_PACKAGES}, where a reviewer will see it.
 */
@AnalyzeClasses(packages = "io.nopesight", importOptions = ArchitectureTests.ProductionClasses.class)
class ArchitectureTests {

	private static final String CORE = "io.nopesight.core";

	/**
	 * DESIGN.md's module table: each module, its packages and the modules it may use. Modules that do not
	 * exist yet are listed so that the arrows hold from the day they land.
	 */
	static final Map<String, DesignModule> MODULES = modules(
			new DesignModule("core", List.of("io.nopesight.core.."), Set.of()),
			new DesignModule("batch-jobs", List.of("io.nopesight.batch.."), Set.of("core")),
			new DesignModule("correlation", List.of("io.nopesight.correlation.."), Set.of("core")),
			new DesignModule("analytics", List.of("io.nopesight.analytics.."), Set.of("core", "correlation")),
			new DesignModule("nlq", List.of("io.nopesight.nlq.."), Set.of("core", "correlation", "analytics")),
			new DesignModule("reporting", List.of("io.nopesight.reporting.."), Set.of("core", "correlation", "analytics")),
			// NopeSightApplication sits in the root package so that component scanning sees every module
			new DesignModule("api", List.of("io.nopesight.api..", "io.nopesight"), null));

	/**
	 * Core's packages and the other core packages each may use; every one may use the shared kernel, the
	 * root package {@code io.nopesight.core} (errors, ids, {@code Page}, {@code Timestamps}), which itself
	 * uses none of them. A package missing here fails the test, so a new one comes with its list.
	 */
	static final Map<String, Set<String>> CORE_PACKAGES = new TreeMap<>(Map.ofEntries(
			Map.entry("access", Set.of("database")),
			Map.entry("audit", Set.of()),
			Map.entry("cmdb", Set.of("outbox", "database")),
			Map.entry("database", Set.of()),
			Map.entry("demo", Set.of("cmdb", "discovery", "metric")),
			// scan jobs move onto the work-item queue
			Map.entry("discovery", Set.of("cmdb", "database", "work")),
			Map.entry("metric", Set.of("cmdb", "database")),
			Map.entry("outbox", Set.of()),
			Map.entry("scheduling", Set.of()),
			Map.entry("work", Set.of("database", "scheduling")),
			Map.entry("webhook", Set.of("outbox", "work", "database", "scheduling"))));

	@ArchTest
	static final ArchRule modulesFollowTheArrowsOfTheDesign = arrows();

	@ArchTest
	static final ArchRule onlyApiKnowsHttp = noClasses().that()
		.resideOutsideOfPackages("io.nopesight.api..", "io.nopesight")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "org.springframework.http..")
		.because("DESIGN.md: no feature module knows HTTP; api maps their interfaces to it");

	@ArchTest
	static final ArchRule corePackagesUseOnlyThePackagesTheyMay = classes().that()
		.resideInAPackage(CORE + "..")
		.should(useOnlyAllowedCorePackages());

	@ArchTest
	static final ArchRule repositoriesAreNotPublic = classes().that()
		.haveSimpleNameStartingWith("Jdbc")
		.and()
		.haveSimpleNameEndingWith("Repository")
		.should()
		.notBePublic()
		.because("a repository is its package's internal; other packages use the package's service");

	@ArchTest
	static final ArchRule defaultImplementationsAreNotPublic = classes().that()
		.haveSimpleNameStartingWith("Default")
		.should()
		.notBePublic()
		.because("other packages use the interface a Default* class implements, not the class");

	@ArchTest
	static final ArchRule parsersAreNotPublic = classes().that()
		.haveSimpleNameEndingWith("Parser")
		.should()
		.notBePublic()
		.because("a package parses its own input; others call the service that takes it (as the identify dry run"
				+ " does instead of serialising a scan for ScanParser)");

	@ArchTest
	static final ArchRule timesAreReadByTimestamps = noClasses().that()
		.doNotHaveFullyQualifiedName("io.nopesight.core.Timestamps")
		// the CSV import's hot path; where both accept a text they agree (CsvTimestampTests)
		.and()
		.doNotHaveFullyQualifiedName("io.nopesight.batch.metric.FastInstant")
		// reads back the run time it stored as a job parameter with Instant.toString()
		.and()
		.doNotHaveFullyQualifiedName("io.nopesight.batch.metric.MetricRetentionJobConfiguration")
		.should()
		.callMethod(Instant.class, "parse", CharSequence.class)
		.orShould()
		.callMethod(OffsetDateTime.class, "parse", CharSequence.class)
		.orShould()
		.callMethod(OffsetDateTime.class, "parse", CharSequence.class, DateTimeFormatter.class)
		.orShould()
		.callMethod(ZonedDateTime.class, "parse", CharSequence.class)
		.orShould()
		.callMethod(ZonedDateTime.class, "parse", CharSequence.class, DateTimeFormatter.class)
		.because("every time a client or payload gives is read one way, by io.nopesight.core.Timestamps");

	@ArchTest
	static final ArchRule noPackageUsesAnotherPackagesInternals = classes().should(useNoOtherPackagesInternals());

	@ArchTest
	static void theModulesCheckedAreTheOnesTheDesignNames(JavaClasses classes) {
		Map<String, Integer> found = new LinkedHashMap<>();
		Set<String> corePackages = new TreeSet<>();
		for (JavaClass type : classes) {
			String module = moduleOf(type.getPackageName());
			found.merge((module != null) ? module : "(none) " + type.getPackageName(), 1, Integer::sum);
			String corePackage = corePackageOf(type.getPackageName());
			if (corePackage != null) {
				corePackages.add(corePackage);
			}
		}
		List<String> lines = new ArrayList<>();
		MODULES.forEach((name, module) -> lines.add(name + " (" + String.join(", ", module.packages()) + "): "
				+ found.getOrDefault(name, 0) + " classes, may use "
				+ ((module.uses() != null) ? new TreeSet<>(module.uses()) : "all")));
		lines.add("core packages: " + corePackages);
		System.out.println("Architecture checked on\n  " + String.join("\n  ", lines));
		assertThat(found.keySet()).as("every class is in a module of DESIGN.md").isSubsetOf(MODULES.keySet());
		assertThat(found).as("the modules built today are all imported")
			.containsKeys("core", "batch-jobs", "api")
			.allSatisfy((module, count) -> assertThat(count).isPositive());
		assertThat(corePackages).as("every core package has its list in CORE_PACKAGES")
			.isSubsetOf(CORE_PACKAGES.keySet())
			.contains("cmdb", "discovery", "metric");
	}

	private static ArchRule arrows() {
		LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.nopesight..")
			.withOptionalLayers(true)
			.ensureAllClassesAreContainedInArchitecture();
		for (DesignModule module : MODULES.values()) {
			layers = layers.layer(module.name()).definedBy(module.packages().toArray(String[]::new));
		}
		for (DesignModule module : MODULES.values()) {
			if (module.uses() != null) {
				layers = module.uses().isEmpty() ? layers.whereLayer(module.name()).mayNotAccessAnyLayer()
						: layers.whereLayer(module.name()).mayOnlyAccessLayers(module.uses().toArray(String[]::new));
			}
		}
		return layers.whereLayer("api")
			.mayNotBeAccessedByAnyLayer()
			.because("DESIGN.md: arrows point one way, api -> feature modules -> core");
	}

	private static ArchCondition<JavaClass> useOnlyAllowedCorePackages() {
		return new ArchCondition<>("use only the core packages their package may use") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String from = corePackageOf(type.getPackageName());
				if (from != null && !CORE_PACKAGES.containsKey(from)) {
					events.add(SimpleConditionEvent.violated(type,
							"core package '" + from + "' of " + type.getName() + " has no entry in CORE_PACKAGES"));
					return;
				}
				for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
					String to = corePackageOf(dependency.getTargetClass().getPackageName());
					boolean kernelOrSame = to == null || to.equals(from);
					if (!kernelOrSame && (from == null || !CORE_PACKAGES.get(from).contains(to))) {
						String who = (from != null) ? "core." + from : "the shared kernel";
						events.add(SimpleConditionEvent.violated(dependency,
								who + " may not use core." + to + ": " + dependency.getDescription()));
					}
				}
			}

		};
	}

	private static ArchCondition<JavaClass> useNoOtherPackagesInternals() {
		return new ArchCondition<>("use no other package's internal package") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					int internal = (target + ".").indexOf(".internal.");
					if (internal < 0) {
						continue;
					}
					String owner = target.substring(0, internal);
					String from = type.getPackageName();
					if (!from.equals(owner) && !from.startsWith(owner + ".")) {
						events.add(SimpleConditionEvent.violated(dependency,
								"only " + owner + " may use " + target + ": " + dependency.getDescription()));
					}
				}
			}

		};
	}

	private static @Nullable String moduleOf(String packageName) {
		for (DesignModule module : MODULES.values()) {
			for (String prefix : module.packages()) {
				boolean matches = prefix.endsWith("..")
						? (packageName + ".").startsWith(prefix.substring(0, prefix.length() - 1))
						: packageName.equals(prefix);
				if (matches) {
					return module.name();
				}
			}
		}
		return null;
	}

	/**
	 * The core package ({@code cmdb} for {@code io.nopesight.core.cmdb.x}), {@code null} for the shared kernel
	 * and for classes outside core.
	 */
	private static @Nullable String corePackageOf(String packageName) {
		if (!packageName.startsWith(CORE + ".")) {
			return null;
		}
		String rest = packageName.substring(CORE.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	private static Map<String, DesignModule> modules(DesignModule... modules) {
		Map<String, DesignModule> byName = new LinkedHashMap<>();
		for (DesignModule module : modules) {
			byName.put(module.name(), module);
		}
		return byName;
	}

	/**
	 * A module: its packages, and the modules it may use ({@code null}: all).
	 */
	record DesignModule(String name, List<String> packages, @Nullable Set<String> uses) {
	}

	/**
	 * The classes the modules ship: neither test classes nor core's test jar (which api's tests use, and
	 * which ArchUnit's own "no tests" option does not recognise).
	 */
	public static final class ProductionClasses implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("/test-classes/") && !location.contains("-tests.jar");
		}

	}

}
