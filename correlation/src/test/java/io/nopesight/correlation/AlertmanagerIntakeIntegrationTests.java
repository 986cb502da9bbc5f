package io.nopesight.correlation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.correlation.AlertmanagerIntake.AlertmanagerResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every webhook body a real Alertmanager 0.25 sent (two rounds of firing and resolved notifications, one
 * receiver truncating to two alerts), taken in order and then all over again as retries would be.
 */
@CoreIntegrationTest
class AlertmanagerIntakeIntegrationTests {

	private static final List<Integer> PAYLOADS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18,
			19, 20, 21);

	@Autowired
	AlertmanagerIntake intake;

	@Autowired
	Events events;

	@Autowired
	CmdbManagement cmdb;

	@Test
	void receiveWhenEveryCapturedPayloadArrivesTwiceMakesOneEventPerAlertOccurrenceAndResolvesThem() {
		// given: the CIs the alerts' instance labels name (lb-01 is not in the CMDB)
		String db = ci("db-01", Map.of());
		String web = ci("AM-WEB-01", Map.of("hostname", "web-01.am.example"));
		ci("web-02", Map.of());
		ci("APP-01", Map.of());
		// when
		int created = 0;
		int resolved = 0;
		int unbound = 0;
		for (int n : PAYLOADS) {
			AlertmanagerResult result = this.intake.receive(payload(n), "alertmanager");
			created += result.created();
			resolved += result.resolved();
			unbound += result.unbound();
		}
		int createdByRetries = 0;
		int resolvedByRetries = 0;
		for (int n : PAYLOADS) {
			AlertmanagerResult result = this.intake.receive(payload(n), "alertmanager");
			createdByRetries += result.created();
			resolvedByRetries += result.resolved();
		}
		// then: 7 alert occurrences a round (InstanceDown, HighCPU x2, HighLatency, DiskFull x2 of the 4 truncated
		// to 2, MemoryPressure), each resolved once
		assertThat(created).isEqualTo(14);
		assertThat(resolved).isEqualTo(14);
		assertThat(unbound).isEqualTo(2);
		assertThat(createdByRetries).isZero();
		assertThat(resolvedByRetries).isZero();
		Page<Event> stored = this.events.list(new EventQuery(null, null, "alertmanager", null, null, null, null, null,
				EventSort.CREATED_AT, false, 1, 100));
		assertThat(stored.total()).isEqualTo(14);
		assertThat(stored.items()).extracting(Event::status).containsOnly(EventStatus.RESOLVED);
		Event instanceDown = stored.items()
			.stream()
			.filter((e) -> e.sourceId().equals("708458709c8c3002:2026-11-26T22:20:39Z"))
			.findFirst()
			.orElseThrow();
		assertThat(instanceDown.title()).isEqualTo("db-01 unreachable");
		assertThat(instanceDown.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(instanceDown.affectedCis()).containsExactly(db);
		assertThat(instanceDown.labels()).containsEntry("alertname", "InstanceDown").containsEntry("job", "postgres");
		assertThat(instanceDown.sourceId()).isEqualTo("708458709c8c3002:2026-11-26T22:20:39Z");
		assertThat(this.events.history(instanceDown.id())).last()
			.satisfies((change) -> assertThat(change.comment()).startsWith("resolved by Alertmanager at"));
		assertThat(stored.items()).filteredOn((e) -> e.title().contains("web-01")).allSatisfy(
				(e) -> assertThat(e.affectedCis()).containsExactly(web));
	}

	@Test
	void receiveWhenTheBodyIsNotAnAlertmanagerPayloadSaysSo() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.intake.receive("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "x"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("alerts"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.intake.receive("{\"alerts\": [{\"labels\": {}}]}".getBytes(StandardCharsets.UTF_8),
					"x"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.contains("alerts[0].fingerprint", "alerts[0].startsAt", "alerts[0].labels.alertname"));
	}

	private String ci(String name, Map<String, Object> attributes) {
		return this.cmdb.create(new NewConfigurationItem(name, "server", null, null, attributes, Map.of()), "tester")
			.id();
	}

	static byte[] payload(int n) {
		try (InputStream in = AlertmanagerIntakeIntegrationTests.class
			.getResourceAsStream("/alertmanager/payload-" + n + ".json")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
