package io.nopesight.core.discovery;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostCandidatesTests {

	@Test
	void identifyWhenSerialMatchesWinsOverADifferentMac() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "web-01", Map.of("serial_number", "SN1", "mac_address",
				"02:00:00:00:00:01")), ci("ci_2", "web-02", Map.of("mac_address", "02:00:00:00:00:09")));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.1", null, "02:00:00:00:00:09", "sn1", List.of(), null));
		// then
		assertThat(match.rule()).isEqualTo(IdentificationRule.SERIAL_NUMBER);
		assertThat(match.ci().id).isEqualTo("ci_1");
	}

	@Test
	void identifyWhenHostnameMatchesButSerialsDifferIsAnotherHost() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "WEB-01", Map.of("serial_number", "SN1")));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.1", "web-01.corp.example", null, "SN2", List.of(), null));
		// then
		assertThat(match.ci()).isNull();
		assertThat(match.conflicts()).isEmpty();
	}

	@Test
	void identifyWhenShortNameAndFqdnMatchCaseInsensitively() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "PROD-WEB-01", Map.of()));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.1", "prod-web-01.corp.example", null, null, List.of(), null));
		// then
		assertThat(match.rule()).isEqualTo(IdentificationRule.HOSTNAME);
		assertThat(match.ci().id).isEqualTo("ci_1");
	}

	@Test
	void identifyWhenTwoFqdnsDifferInDomainDoesNotMatch() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "web-01.lab.example", Map.of()));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.1", "web-01.corp.example", null, null, List.of(), null));
		// then
		assertThat(match.ci()).isNull();
	}

	@Test
	void identifyWhenMacMatchesTwoCisIsAConflict() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "a", Map.of("mac_address", "02:00:00:00:00:01")),
				ci("ci_2", "b", Map.of("mac_address", "02:00:00:00:00:01")));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.1", "c", "02:00:00:00:00:01", null, List.of(), null));
		// then
		assertThat(match.rule()).isEqualTo(IdentificationRule.MAC_ADDRESS);
		assertThat(match.conflicts()).hasSize(2);
	}

	@Test
	void identifyWhenHostnameIsGenericMatchesNothingByName() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "localhost", Map.of()), ci("ci_2", "unknown-device", Map.of()));
		// when
		HostCandidates.Match local = candidates
			.identify(new DiscoveredHost("10.0.0.1", "localhost", null, null, List.of(), null));
		HostCandidates.Match unknown = candidates
			.identify(new DiscoveredHost("10.0.0.2", "UNKNOWN-DEVICE", null, null, List.of(), null));
		// then
		assertThat(local.ci()).isNull();
		assertThat(local.conflicts()).isEmpty();
		assertThat(unknown.ci()).isNull();
	}

	@Test
	void identifyWhenIpMatchesAndHostnameToo() {
		// given
		HostCandidates candidates = candidates(ci("ci_1", "db-1", Map.of("ip_address", "10.0.0.5")),
				ci("ci_2", "db-1.other", Map.of("ip_address", "10.0.0.6")));
		// when
		HostCandidates.Match match = candidates
			.identify(new DiscoveredHost("10.0.0.5", "DB-1.corp.example", null, null, List.of(), null));
		// then
		assertThat(match.rule()).isEqualTo(IdentificationRule.IP_AND_HOSTNAME);
		assertThat(match.ci().id).isEqualTo("ci_1");
	}

	private static HostCandidates candidates(WorkingCi... cis) {
		HostCandidates candidates = new HostCandidates();
		for (WorkingCi ci : cis) {
			candidates.add(ci);
			candidates.addIps(ci, ci.ips());
		}
		return candidates;
	}

	private static WorkingCi ci(String id, String name, Map<String, Object> attributes) {
		Set<String> ips = new HashSet<>();
		if (attributes.get("ip_address") != null) {
			ips.add(attributes.get("ip_address").toString());
		}
		return new WorkingCi(id, name, "server", new LinkedHashMap<>(attributes), ips);
	}

}
