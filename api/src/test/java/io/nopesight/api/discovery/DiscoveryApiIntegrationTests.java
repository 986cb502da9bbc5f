package io.nopesight.api.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApiIntegrationTest
class DiscoveryApiIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void submitWhenSameScanTwiceSecondChangesNothing() {
		// given
		String scan = networkScan("agent_t1", "2026-10-31T18:00:00Z",
				host("10.9.0.10", "web-a.example.org", "02:00:00:00:00:01", List.of(22, 443), "Linux"),
				host("10.9.0.11", "web-b.example.org", "02:00:00:00:00:02", List.of(80), "Linux"),
				host("10.9.0.12", "WIN-WS-1", "02:00:00:00:00:03", List.of(135, 3389), "Windows 10"));
		// when
		JsonNode first = submitAndWait(scan);
		JsonNode second = submitAndWait(scan);
		// then
		assertThat(first.get("status").asString()).isEqualTo("completed");
		assertThat(first.at("/counts/hosts_seen").asInt()).isEqualTo(3);
		assertThat(first.at("/counts/cis_created").asInt()).isEqualTo(3);
		assertThat(second.at("/counts/cis_created").asInt()).isZero();
		assertThat(second.at("/counts/cis_updated").asInt()).isZero();
		assertThat(second.at("/counts/cis_unchanged").asInt()).isEqualTo(3);
		JsonNode ci = onlyCi("10.9.0.10");
		assertThat(ci.get("name").asString()).isEqualTo("web-a.example.org");
		assertThat(ci.get("type").asString()).isEqualTo("server");
		assertThat(ci.get("status").asString()).isEqualTo("active");
		assertThat(ci.at("/attributes/mac_address").asString()).isEqualTo("02:00:00:00:00:01");
		assertThat(ci.at("/attributes/open_ports").toString()).isEqualTo("[22,443]");
		assertThat(ci.at("/attributes/first_seen").asString()).isEqualTo("2026-10-31T18:00:00Z");
		assertThat(ci.at("/attributes/discovered_by").asString()).isEqualTo("agent_t1");
		assertThat(onlyCi("10.9.0.12").get("type").asString()).isEqualTo("workstation");
	}

	@Test
	void submitWhenHostIsOnlySeenAgainMovesLastSeenWithoutUpdatingTheCi() {
		// given
		submitAndWait(networkScan("agent_seen", "2026-10-31T18:00:00Z",
				host("10.9.14.10", "seen-a.corp.example", "02:00:00:00:14:10", List.of(22), "Linux")));
		JsonNode before = onlyCi("10.9.14.10");
		String id = before.get("id").asString();
		// when
		JsonNode again = submitAndWait(networkScan("agent_seen", "2026-10-31T19:00:00Z",
				host("10.9.14.10", "seen-a.corp.example", "02:00:00:00:14:10", List.of(22), "Linux")));
		// then
		assertThat(again.at("/counts/cis_unchanged").asInt()).isEqualTo(1);
		JsonNode after = this.api.get("/v1/cmdb/ci/" + id).json();
		assertThat(after.at("/attributes/last_seen").asString()).isEqualTo("2026-10-31T19:00:00Z");
		assertThat(after.at("/attributes/first_seen").asString()).isEqualTo("2026-10-31T18:00:00Z");
		assertThat(after.get("updated_at").asString()).isEqualTo(before.get("updated_at").asString());
		assertThat(this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id ORDER BY seq")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("ci.created");
	}

	@Test
	void submitWhenTwoScannersUseFqdnAndShortNamesCreatesNoDuplicates() {
		// given
		submitAndWait(networkScan("agent_fqdn", "2026-10-31T18:00:00Z",
				host("10.9.1.10", "db-x.corp.example", null, List.of(5432), "Linux")));
		// when
		JsonNode second = submitAndWait(networkScan("agent_short", "2026-10-31T19:00:00Z",
				host("10.9.1.10", "DB-X", null, List.of(5432), "Linux")));
		// then
		assertThat(second.at("/counts/cis_created").asInt()).isZero();
		assertThat(second.at("/counts/cis_unchanged").asInt()).isEqualTo(1);
		JsonNode ci = onlyCi("10.9.1.10");
		assertThat(ci.at("/attributes/hostname").asString()).isEqualTo("db-x.corp.example");
		assertThat(ci.at("/attributes/last_seen").asString()).isEqualTo("2026-10-31T19:00:00Z");
		assertThat(ci.at("/attributes/discovered_by").asString()).isEqualTo("agent_fqdn");
	}

	@Test
	void submitWhenPeopleSetAFieldKeepsTheirsAndFillsTheEmptyOnes() {
		// given
		String id = this.api.post("/v1/cmdb/ci", Map.of("name", "PAYROLL-01", "type", "server", "attributes",
				Map.of("ip_address", "10.9.2.10", "os_guess", "RHEL 9 (set by hand)"))).json().get("id").asString();
		// when
		JsonNode scan = submitAndWait(networkScan("agent_p", "2026-10-31T18:00:00Z",
				host("10.9.2.10", "payroll-01.corp.example", "02:00:00:00:02:10", List.of(22), "Linux")));
		// then
		assertThat(scan.at("/counts/cis_updated").asInt()).isEqualTo(1);
		JsonNode ci = this.api.get("/v1/cmdb/ci/" + id).json();
		assertThat(ci.at("/attributes/os_guess").asString()).isEqualTo("RHEL 9 (set by hand)");
		assertThat(ci.at("/attributes/mac_address").asString()).isEqualTo("02:00:00:00:02:10");
		assertThat(ci.at("/attributes/hostname").asString()).isEqualTo("payroll-01.corp.example");
		assertThat(ci.at("/attributes/discovery/mac_address").asString()).isEqualTo("02:00:00:00:02:10");
	}

	@Test
	void submitWhenHostnameMatchesButMacsDifferCreatesAnotherHost() {
		// given
		this.api.post("/v1/cmdb/ci", Map.of("name", "edge-01", "type", "server", "attributes",
				Map.of("ip_address", "10.9.3.10", "mac_address", "02:00:00:00:03:10")));
		// when
		JsonNode scan = submitAndWait(networkScan("agent_m", "2026-10-31T18:00:00Z",
				host("10.9.3.99", "edge-01.corp.example", "02:00:00:00:03:99", List.of(22), "Linux")));
		// then
		assertThat(scan.at("/counts/cis_created").asInt()).isEqualTo(1);
		JsonNode created = onlyCi("10.9.3.99");
		assertThat(created.get("name").asString()).isEqualTo("edge-01.corp.example");
	}

	@Test
	void submitWhenMacMovedToAnotherAddressMovesTheAddress() {
		// given
		submitAndWait(networkScan("agent_mv", "2026-10-31T18:00:00Z",
				host("10.9.4.10", "mover.corp.example", "02:00:00:00:04:10", List.of(22), "Linux"),
				host("10.9.4.11", "stayer.corp.example", "02:00:00:00:04:11", List.of(22), "Linux")));
		// when: the mover took the stayer's address, and the stayer is not in this scan
		JsonNode scan = submitAndWait(networkScan("agent_mv", "2026-10-31T19:00:00Z",
				host("10.9.4.11", "mover.corp.example", "02:00:00:00:04:10", List.of(22), "Linux")));
		// then
		assertThat(scan.at("/counts/cis_updated").asInt()).isEqualTo(1);
		assertThat(onlyCi("10.9.4.11").get("name").asString()).isEqualTo("mover.corp.example");
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.9.4.10").json().get("found").asBoolean()).isFalse();
	}

	@Test
	void submitWhenHostnameMatchesTwoCisRecordsAConflictAndMergesNothing() {
		// given
		this.api.post("/v1/cmdb/ci", Map.of("name", "twin", "type", "server"));
		this.api.post("/v1/cmdb/ci", Map.of("name", "TWIN", "type", "server"));
		// when
		JsonNode scan = submitAndWait(networkScan("agent_c", "2026-10-31T18:00:00Z",
				host("10.9.5.10", "twin.corp.example", null, List.of(22), "Linux")));
		// then
		assertThat(scan.at("/counts/conflicts").asInt()).isEqualTo(1);
		assertThat(scan.at("/counts/cis_created").asInt()).isZero();
		assertThat(scan.at("/conflict_details/0/rule").asString()).isEqualTo("hostname");
		assertThat(scan.at("/conflict_details/0/matching_ci_ids")).hasSize(2);
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.9.5.10").json().get("found").asBoolean()).isFalse();
	}

	@Test
	void submitWhenHostnameIsGenericIdentifiesByMacAndNamesByIp() {
		// given
		String scan = networkScan("agent_g", "2026-10-31T18:00:00Z",
				host("10.9.6.50", "unknown-device", "00:1B:44:11:3A:B7", List.of(22, 80, 443), "Linux"),
				host("10.9.6.51", "localhost", "00:1B:44:11:3A:B8", List.of(22), "Linux"));
		// when
		JsonNode first = submitAndWait(scan);
		JsonNode second = submitAndWait(scan);
		// then
		assertThat(first.at("/counts/cis_created").asInt()).isEqualTo(2);
		assertThat(second.at("/counts/cis_unchanged").asInt()).isEqualTo(2);
		assertThat(onlyCi("10.9.6.50").get("name").asString()).isEqualTo("10.9.6.50");
	}

	@Test
	void submitWhenNameTakenByAnotherCiOfTheTypeAppendsTheIp() {
		// given
		this.api.post("/v1/cmdb/ci", Map.of("name", "shared-name", "type", "server", "attributes",
				Map.of("mac_address", "02:00:00:00:07:01")));
		// when
		submitAndWait(networkScan("agent_n", "2026-10-31T18:00:00Z",
				host("10.9.7.10", "shared-name", "02:00:00:00:07:02", List.of(22), "Linux")));
		// then
		assertThat(onlyCi("10.9.7.10").get("name").asString()).isEqualTo("shared-name (10.9.7.10)");
	}

	@Test
	void submitWhenNmapXmlReadsTheRealHosts() {
		// given
		byte[] xml = resource("os_scan5.xml");
		// when
		Response accepted = this.api.send("POST", "/v1/discovery/scan-data?scanner_id=nmap_lab",
				Map.of("Content-Type", "application/xml"), xml);
		JsonNode scan = waitFor(accepted.json().get("scan_id").asString());
		// then
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(scan.get("format").asString()).isEqualTo("nmap_xml");
		assertThat(scan.get("scanner_id").asString()).isEqualTo("nmap_lab");
		assertThat(scan.at("/counts/hosts_seen").asInt()).isEqualTo(4);
		assertThat(scan.at("/counts/cis_created").asInt()).isEqualTo(4);
	}

	@Test
	void submitWhenNmapServiceScanKeepsServicesVersionsAndCpeOnTheCi() {
		// given: a real nmap -sT -sV -O scan of 127.0.0.1, moved to an address no other test uses
		String xml = new String(resource("localhost_sT_sV_O.xml"), StandardCharsets.UTF_8)
			.replace("127.0.0.1", "10.66.0.7")
			.replace("name=\"localhost\"", "name=\"nmap-sv-lab.corp.example\"");
		// when
		Response accepted = this.api.send("POST", "/v1/discovery/scan-data?scanner_id=nmap_sv",
				Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
		JsonNode scan = waitFor(accepted.json().get("scan_id").asString());
		// then
		assertThat(scan.get("status").asString()).isEqualTo("completed");
		JsonNode ci = onlyCi("10.66.0.7");
		JsonNode services = ci.at("/attributes/services");
		assertThat(services.size()).isEqualTo(5);
		assertThat(services.get(3).get("port").asInt()).isEqualTo(6379);
		assertThat(services.get(3).get("name").asString()).isEqualTo("redis");
		assertThat(services.get(3).get("product").asString()).isEqualTo("Redis key-value store");
		assertThat(services.get(3).get("version").asString()).isEqualTo("7.0.15");
		assertThat(services.get(3).get("cpe").get(0).asString()).isEqualTo("cpe:/a:redislabs:redis:7.0.15");
		assertThat(services.get(4).get("extra_info").asString()).isEqualTo("Python 3.11.7");
		assertThat(ci.at("/attributes/os_guess").asString()).isEqualTo("Linux 5.0 - 5.2");
		assertThat(ci.at("/attributes/os_cpe/0").asString()).isEqualTo("cpe:/o:linux:linux_kernel:5");
		assertThat(ci.at("/attributes/open_ports").size()).isEqualTo(5);
		// the same scan again changes nothing: services read back from the database compare equal
		Response again = this.api.send("POST", "/v1/discovery/scan-data?scanner_id=nmap_sv",
				Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
		JsonNode second = waitFor(again.json().get("scan_id").asString());
		assertThat(second.at("/counts/cis_updated").asInt()).isZero();
		assertThat(second.at("/counts/cis_unchanged").asInt()).isEqualTo(1);
	}

	@Test
	void submitWhenXmlDeclaresEntitiesAnswers400AndStoresNothing() {
		// given
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<nmaprun><host><address addr="10.0.0.1" addrtype="ipv4"/><hostnames><hostname name="&lol3;"/></hostnames></host></nmaprun>
				""";
		long before = scanCount();
		// when
		Response response = this.api.send("POST", "/v1/discovery/scan-data", Map.of("Content-Type", "application/xml"),
				bomb.getBytes(StandardCharsets.UTF_8));
		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(scanCount()).isEqualTo(before);
	}

	@Test
	void submitWhenPayloadIsBadAnswers400WithTheFieldsAndStoresNothing() {
		// given
		long before = scanCount();
		String badHosts = networkScan("agent_bad", "2026-10-31T18:00:00Z",
				host("10.9.8.10", "ok.example", null, List.of(22), "Linux"),
				host("10.9.8.300", "bad-ip.example", null, List.of(22), "Linux"),
				host("10.9.8.12", "bad-mac.example", "ZZ:00:00:00:00:01", List.of(22), "Linux"));
		// when
		Response bad = this.api.post("/v1/discovery/scan-data", badHosts);
		Response malformed = this.api.post("/v1/discovery/scan-data", "{\"scan_type\": \"network\", ");
		Response missing = this.api.post("/v1/discovery/scan-data", Map.of("scan_type", "network"));
		Response wrongType = this.api.post("/v1/discovery/scan-data",
				Map.of("scan_type", "telepathy", "scanner_id", "x", "data", Map.of()));
		Response text = this.api.send("POST", "/v1/discovery/scan-data", Map.of("Content-Type", "text/plain"),
				"hello".getBytes(StandardCharsets.UTF_8));
		// then
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().at("/error/details").toString()).contains("data.discovered_hosts[1].ip_address")
			.contains("data.discovered_hosts[2].mac_address")
			.doesNotContain("discovered_hosts[0]");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().at("/error/details").toString()).contains("scanner_id").contains("data");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(text.status()).isEqualTo(415);
		assertThat(scanCount()).isEqualTo(before);
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.9.8.10").json().get("found").asBoolean()).isFalse();
	}

	@Test
	void submitWhenBodyIs50MegabytesAnswers413() {
		// given
		byte[] body = new byte[50 * 1024 * 1024];
		Arrays.fill(body, (byte) ' ');
		// when
		Response response = this.api.send("POST", "/v1/discovery/scan-data",
				Map.of("Content-Type", "application/json"), body);
		// then
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().at("/error/code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void submitWhenTokenLacksTheScopeAnswers403() {
		// given
		ApiClient nobody = this.api.withToken("not-a-token");
		// when
		Response response = nobody.post("/v1/discovery/scan-data", networkScan("x", "2026-10-31T18:00:00Z"));
		// then
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void listWhenFilteredByScannerAndStatusPagesTheHistory() {
		// given
		for (int i = 0; i < 3; i++) {
			submitAndWait(networkScan("agent_list", "2026-10-31T1" + i + ":00:00Z",
					host("10.9.9." + i, "list-" + i + ".example", null, List.of(22), "Linux")));
		}
		// when
		Response page = this.api.get("/v1/discovery/scans?scanner_id=agent_list&status=completed&limit=2&page=1");
		Response none = this.api.get("/v1/discovery/scans?scanner_id=agent_list&status=failed");
		Response badStatus = this.api.get("/v1/discovery/scans?status=exploded");
		Response badFrom = this.api.get("/v1/discovery/scans?from=yesterday");
		Response future = this.api.get("/v1/discovery/scans?scanner_id=agent_list&from=2999-01-01T00:00:00Z");
		// then
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("data")).hasSize(2);
		assertThat(page.header("X-Total-Count")).isEqualTo("3");
		assertThat(page.json().at("/pagination/pages").asInt()).isEqualTo(2);
		assertThat(none.json().get("data")).isEmpty();
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badFrom.status()).isEqualTo(400);
		assertThat(future.json().get("data")).isEmpty();
		assertThat(this.api.get("/v1/discovery/scans/scan_missing").status()).isEqualTo(404);
	}

	@Test
	void rulesAndIdentifyWhenDryRunSayWhichCiAndWhatWouldChange() {
		// given
		submitAndWait(networkScan("agent_i", "2026-10-31T18:00:00Z",
				host("10.9.10.10", "ident.corp.example", "02:00:00:00:10:10", List.of(22), "Linux")));
		// when
		Response rules = this.api.get("/v1/discovery/rules");
		Response byMac = this.api.post("/v1/discovery/identify", Map.of("ip_address", "10.9.10.77", "hostname",
				"other-name", "mac_address", "02-00-00-00-10-10", "open_ports", List.of(22, 8080)));
		Response unknown = this.api.post("/v1/discovery/identify",
				Map.of("ip_address", "10.9.10.99", "hostname", "brand-new.corp.example"));
		Response invalid = this.api.post("/v1/discovery/identify", Map.of("ip_address", "not-an-ip"));
		// then
		assertThat(rules.json().at("/data/0/key").asString()).isEqualTo("serial_number");
		assertThat(rules.json().at("/data/1/key").asString()).isEqualTo("mac_address");
		assertThat(rules.json().at("/data/2/key").asString()).isEqualTo("ip_address_and_hostname");
		assertThat(rules.json().at("/data/3/key").asString()).isEqualTo("hostname");
		assertThat(byMac.json().get("outcome").asString()).isEqualTo("update");
		assertThat(byMac.json().get("rule").asString()).isEqualTo("mac_address");
		assertThat(byMac.json().at("/ci/name").asString()).isEqualTo("ident.corp.example");
		assertThat(byMac.json().at("/changes/ip_address/to").asString()).isEqualTo("10.9.10.77");
		assertThat(byMac.json().at("/changes/open_ports/to").toString()).isEqualTo("[22,8080]");
		assertThat(unknown.json().get("outcome").asString()).isEqualTo("create");
		assertThat(unknown.json().at("/would_create/name").asString()).isEqualTo("brand-new.corp.example");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().at("/error/details/0/field").asString()).isEqualTo("ip_address");
		assertThat(onlyCi("10.9.10.10").at("/attributes/open_ports").toString()).isEqualTo("[22]");
	}

	@Test
	void processScanWhenSubmittedServesConnectionsAndListeningProcess() {
		// given
		submitAndWait(networkScan("agent_net", "2026-10-31T18:00:00Z",
				host("10.9.11.10", "app-1.corp.example", null, List.of(8080), "Linux"),
				host("10.9.11.20", "db-1.corp.example", null, List.of(5432), "Linux")));
		String appScan = """
				{"scan_type": "process", "scanner_id": "agent_app-1", "timestamp": "2026-10-31T23:00:00Z",
				 "data": {"host": {"hostname": "app-1.corp.example", "ip_address": "10.9.11.10"},
				  "connections": [
				   {"process_name": "java", "pid": 41, "local_ip": "10.9.11.10", "local_port": 50001, "remote_ip": "10.9.11.20", "remote_port": 5432, "protocol": "TCP", "state": "ESTABLISHED", "observed_at": "2026-10-31T10:00:00Z"},
				   {"process_name": "java", "pid": 41, "local_ip": "10.9.11.10", "local_port": 50002, "remote_ip": "10.9.11.20", "remote_port": 5432, "protocol": "TCP", "state": "ESTABLISHED", "observed_at": "2026-10-31T16:00:00Z"},
				   {"process_name": "node_exporter", "pid": 7, "local_ip": "10.9.11.10", "local_port": 9100, "remote_ip": "10.9.11.20", "remote_port": 41000, "protocol": "TCP", "state": "ESTABLISHED", "observed_at": "2026-10-31T16:00:00Z"},
				   {"process_name": "node_exporter", "pid": 7, "local_ip": "10.9.11.10", "local_port": 9100, "remote_ip": "10.9.11.20", "remote_port": 41002, "protocol": "TCP", "state": "ESTABLISHED", "observed_at": "2026-10-31T17:00:00Z"},
				   {"process_name": "java", "pid": 41, "local_ip": "10.9.11.10", "local_port": 50990, "remote_ip": "10.9.11.20", "remote_port": 45000, "protocol": "TCP", "state": "TIME_WAIT", "observed_at": "2026-10-31T16:30:00Z"}],
				  "listening": [{"process_name": "java", "pid": 41, "port": 8080, "protocol": "TCP", "description": "Order API"}]}}
				""";
		String dbScan = """
				{"scan_type": "process", "scanner_id": "agent_db-1", "timestamp": "2026-10-31T23:00:00Z",
				 "data": {"host": {"hostname": "db-1.corp.example", "ip_address": "10.9.11.20"}, "connections": [],
				  "listening": [{"process_name": "postgres", "pid": 900, "port": 5432, "protocol": "TCP", "description": "PostgreSQL"}]}}
				""";
		// when
		submitAndWait(dbScan);
		submitAndWait(appScan);
		submitAndWait(appScan);
		String app = onlyCi("10.9.11.10").get("id").asString();
		String db = onlyCi("10.9.11.20").get("id").asString();
		Response groups = this.api.get("/v1/api/ci/" + app + "/process-connections");
		Response listening = this.api.get("/v1/api/ci/" + db + "/listening-process/5432");
		Response notListening = this.api.get("/v1/cmdb/ci/" + db + "/listening-process/22");
		Response badPort = this.api.get("/v1/cmdb/ci/" + db + "/listening-process/99999");
		Response relationships = this.api.get("/v1/cmdb/relationships?source_ci=" + app + "&include_ai=true");
		Response withoutAi = this.api.get("/v1/cmdb/relationships?source_ci=" + app);
		Response fromDb = this.api.get("/v1/cmdb/relationships?source_ci=" + db + "&include_ai=true");
		// then
		assertThat(groups.json().at("/groups/0").toString()).isEqualTo("{\"processName\":\"java\",\"targetIP\":\"10.9.11.20\","
				+ "\"targetServer\":\"db-1.corp.example\",\"targetCIId\":\"" + db + "\",\"connectionCount\":3,"
				+ "\"ports\":[5432,45000],\"firstSeen\":\"2026-10-31T10:00:00Z\",\"lastSeen\":\"2026-10-31T16:30:00Z\"}");
		assertThat(groups.json().at("/groups/1/processName").asString()).isEqualTo("node_exporter");
		assertThat(groups.json().at("/groups/1/ports").toString()).isEqualTo("[9100]");
		assertThat(groups.json().at("/groups/1/connectionCount").asInt()).isEqualTo(2);
		assertThat(listening.json().toString()).isEqualTo("{\"found\":true,\"process\":{\"name\":\"postgres\","
				+ "\"pid\":900,\"port\":5432,\"protocol\":\"TCP\",\"description\":\"PostgreSQL\"}}");
		assertThat(notListening.json().toString()).isEqualTo("{\"found\":false}");
		assertThat(badPort.status()).isEqualTo(400);
		assertThat(relationships.json().get("data")).hasSize(1);
		assertThat(relationships.json().at("/data/0/type").asString()).isEqualTo("depends_on");
		assertThat(relationships.json().at("/data/0/target/id").asString()).isEqualTo(db);
		assertThat(relationships.json().at("/data/0/discovered_by").asString()).isEqualTo("ai_agent");
		assertThat(relationships.json().at("/data/0/attributes/server_processes/0").asString()).isEqualTo("postgres");
		assertThat(relationships.json().at("/data/0/attributes/ports").toString()).isEqualTo("[5432]");
		assertThat(relationships.json().at("/data/0/confidence").asDouble()).isBetween(0.3, 1.0);
		assertThat(withoutAi.json().get("data")).isEmpty();
		assertThat(fromDb.json().get("data")).as("monitoring scrapes are no dependency").isEmpty();
	}

	@Test
	void rerunWhenAFailedScanIsRunAgainFinishesItFromTheStoredPayload() {
		// given: the database refuses one of the scan's hosts, so its job fails and writes nothing
		this.jdbc.sql("ALTER TABLE configuration_item ADD CONSTRAINT refuse_rerun_b "
				+ "CHECK (name <> 'rerun-b.corp.example') NOT VALID").update();
		JsonNode failed;
		try {
			failed = submitAndWait(networkScan("agent_rerun", "2026-10-31T18:00:00Z",
					host("10.9.21.1", "rerun-a.corp.example", "02:00:00:00:21:01", List.of(22), "Linux"),
					host("10.9.21.2", "rerun-b.corp.example", "02:00:00:00:21:02", List.of(22), "Linux")));
		}
		finally {
			this.jdbc.sql("ALTER TABLE configuration_item DROP CONSTRAINT refuse_rerun_b").update();
		}
		String id = failed.get("id").asString();
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("error").asString()).startsWith("ERROR: new row for relation \"configuration_item\" "
				+ "violates check constraint \"refuse_rerun_b\"");
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.9.21.1").json().get("found").asBoolean()).isFalse();
		// when
		Response rerun = this.api.post("/v1/discovery/scans/" + id + "/rerun", Map.of());
		JsonNode done = waitFor(id);
		// then
		assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
		assertThat(rerun.json().get("status").asString()).isEqualTo("queued");
		assertThat(rerun.header("Location")).isEqualTo("/v1/discovery/scans/" + id);
		assertThat(done.get("status").asString()).isEqualTo("completed");
		assertThat(done.has("error")).isFalse();
		assertThat(done.at("/counts/hosts_seen").asInt()).isEqualTo(2);
		assertThat(done.at("/counts/cis_created").asInt()).isEqualTo(2);
		assertThat(onlyCi("10.9.21.2").get("name").asString()).isEqualTo("rerun-b.corp.example");
		Response again = this.api.post("/v1/discovery/scans/" + id + "/rerun", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().at("/error/code").asString()).isEqualTo("CONFLICT");
		assertThat(again.json().at("/error/message").asString()).contains("is completed");
		assertThat(this.api.post("/v1/discovery/scans/scan_nope/rerun", Map.of()).status()).isEqualTo(404);
	}

	private JsonNode submitAndWait(String scan) {
		Response accepted = this.api.post("/v1/discovery/scan-data", scan);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return waitFor(accepted.json().get("scan_id").asString());
	}

	private JsonNode waitFor(String scanId) {
		return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
			JsonNode scan = this.api.get("/v1/discovery/scans/" + scanId).json();
			String status = scan.get("status").asString();
			return (status.equals("completed") || status.equals("failed")) ? scan : null;
		}, (scan) -> scan != null);
	}

	private long scanCount() {
		return Long.parseLong(this.api.get("/v1/discovery/scans?limit=1").header("X-Total-Count"));
	}

	private JsonNode onlyCi(String ip) {
		JsonNode found = this.api.get("/v1/api/ci/find-by-ip/" + ip).json();
		assertThat(found.get("found").asBoolean()).as("a CI with " + ip).isTrue();
		assertThat(found.get("matchCount").asInt()).as("CIs with " + ip).isEqualTo(1);
		return this.api.get("/v1/cmdb/ci/" + found.at("/ci/id").asString()).json();
	}

	static String networkScan(String scanner, String timestamp, Map<?, ?>... hosts) {
		return ApiClient.json("{}").toString().isEmpty() ? ""
				: tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.writeValueAsString(Map.of("scan_type", "network", "scanner_id", scanner, "timestamp", timestamp,
							"data", Map.of("discovered_hosts", List.of(hosts))));
	}

	static Map<String, Object> host(String ip, String hostname, String mac, List<Integer> ports, String os) {
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("ip_address", ip);
		host.put("hostname", hostname);
		if (mac != null) {
			host.put("mac_address", mac);
		}
		host.put("open_ports", ports);
		host.put("os_guess", os);
		return host;
	}

	static byte[] resource(String name) {
		try (InputStream in = DiscoveryApiIntegrationTests.class.getResourceAsStream("/discovery/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
