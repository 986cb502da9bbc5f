package io.nopesight.correlation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.correlation.Severity;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredDependency;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRulesTests {

	private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	// a service of an application (on a VM on a host) and its database
	private final ServiceReach reach = ServiceReach.of(List.of("app", "db"), new LinkedTopology(
			new ImpactLink("r1", "runs_on", "vm", "app", true, "manual", 1.0),
			new ImpactLink("r2", "runs_on", "host", "vm", true, "manual", 1.0),
			new ImpactLink("r3", "depends_on", "db", "app", true, "manual", 1.0)), 6);

	@Test
	void evaluateWhenNothingIsWrongIsHealthyAt100() {
		HealthChange health = HealthRules.evaluate(T0, this.reach, List.of(), List.of());
		assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
		assertThat(health.score()).isEqualTo(100.0);
		assertThat(health.reasons()).isEmpty();
	}

	@Test
	void evaluateWhenWhatAComponentRunsOnHasACriticalEventIsDownWithTheEventAsReason() {
		HealthChange health = HealthRules.evaluate(T0, this.reach,
				List.of(event("e1", Severity.CRITICAL, "vm", 0, null)), List.of());
		assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
		assertThat(health.score()).isLessThanOrEqualTo(25);
		assertThat(health.reasons()).singleElement().satisfies((r) -> {
			assertThat(r.eventId()).isEqualTo("e1");
			assertThat(r.distance()).isEqualTo(1);
			assertThat(r.componentCiId()).isEqualTo("app");
		});
	}

	@Test
	void evaluateWhenTheCriticalEventIsTwoLinksBelowOrOverOrOnAnUnrelatedCiIsOnlyDegradedOrHealthy() {
		assertThat(HealthRules.evaluate(T0, this.reach, List.of(event("e1", Severity.CRITICAL, "host", 0, null)),
				List.of()).status()).isEqualTo(HealthStatus.DEGRADED);
		assertThat(HealthRules.evaluate(T0, this.reach, List.of(event("e2", Severity.CRITICAL, "vm", -30, -10)),
				List.of()).status()).isEqualTo(HealthStatus.HEALTHY);
		assertThat(HealthRules.evaluate(T0, this.reach, List.of(event("e3", Severity.CRITICAL, "elsewhere", 0, null)),
				List.of()).status()).isEqualTo(HealthStatus.HEALTHY);
	}

	@Test
	void fromUpstreamFollowsTypeAndImpact() {
		assertThat(HealthRules.fromUpstream(upstream(HealthStatus.DOWN, DependencyType.REQUIRED,
				DependencyImpact.FULL_OUTAGE))).isEqualTo(HealthStatus.DOWN);
		assertThat(HealthRules.fromUpstream(upstream(HealthStatus.DOWN, DependencyType.REQUIRED,
				DependencyImpact.DEGRADED_FUNCTIONALITY))).isEqualTo(HealthStatus.DEGRADED);
		assertThat(HealthRules.fromUpstream(upstream(HealthStatus.DOWN, DependencyType.OPTIONAL,
				DependencyImpact.FULL_OUTAGE))).isEqualTo(HealthStatus.DEGRADED);
		assertThat(HealthRules.fromUpstream(upstream(HealthStatus.DEGRADED, DependencyType.REQUIRED,
				DependencyImpact.FULL_OUTAGE))).isEqualTo(HealthStatus.DEGRADED);
		assertThat(HealthRules.fromUpstream(upstream(HealthStatus.DEGRADED, DependencyType.OPTIONAL,
				DependencyImpact.FULL_OUTAGE))).isEqualTo(HealthStatus.HEALTHY);
	}

	@Test
	void betweenWhenAnEventComesAndGoesRecordsTheTwoChangesAtItsTimes() {
		List<HealthChange> changes = HealthTimeline.between(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)),
				null, this.reach, List.of(event("e1", Severity.CRITICAL, "app", 0, 20)), List.of());
		assertThat(changes).extracting(HealthChange::at).containsExactly(T0, T0.plus(Duration.ofMinutes(20)));
		assertThat(changes).extracting(HealthChange::status).containsExactly(HealthStatus.DOWN, HealthStatus.HEALTHY);
	}

	@Test
	void cycleNamesThePathThatTheNewDependencyWouldClose() {
		List<StoredDependency> existing = List.of(dependency("portal", "auth"), dependency("auth", "directory"));
		assertThat(DefaultServices.cycle("directory", "portal", existing))
			.containsExactly("directory", "portal", "auth", "directory");
		assertThat(DefaultServices.cycle("portal", "portal", existing)).containsExactly("portal", "portal");
		assertThat(DefaultServices.cycle("portal", "directory", existing)).isEmpty();
	}

	@Test
	void upstreamFirstPutsEachServiceAfterThoseItDependsOn() {
		List<String> order = ServiceHealthMonitor.upstreamFirst(List.of("portal", "auth", "directory"),
				List.of(dependency("portal", "auth"), dependency("auth", "directory")));
		assertThat(order).containsExactly("directory", "auth", "portal");
	}

	@Test
	void targetReadsAPercentage() {
		assertThat(DefaultServices.target("99.9%")).isEqualTo(99.9);
		assertThat(DefaultServices.target("99.95")).isEqualTo(99.95);
		assertThat(DefaultServices.target("always")).isNull();
		assertThat(DefaultServices.target("120%")).isNull();
	}

	private static ActiveEvent event(String id, Severity severity, String ci, int startMinute, Integer endMinute) {
		return new ActiveEvent(id, "Alert on " + ci, severity, List.of(ci), T0.plus(Duration.ofMinutes(startMinute)),
				(endMinute != null) ? T0.plus(Duration.ofMinutes(endMinute)) : null);
	}

	private static HealthRules.UpstreamState upstream(HealthStatus status, DependencyType type,
			DependencyImpact impact) {
		return new HealthRules.UpstreamState("svc_up", "Upstream", type, impact, status);
	}

	private static StoredDependency dependency(String service, String dependsOn) {
		return new StoredDependency(service, dependsOn, DependencyType.REQUIRED, DependencyImpact.FULL_OUTAGE);
	}

}
