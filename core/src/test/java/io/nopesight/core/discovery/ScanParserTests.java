package io.nopesight.core.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScanParserTests {

	@Test
	void parseWhenRealNmapAllPortsScanReadsTheOpenPorts() {
		// given
		byte[] xml = resource("localhost_allports_sT.xml");
		// when
		ScanPayload scan = ScanParser.parse(xml, ScanFormat.NMAP_XML, "lab");
		// then
		assertThat(scan.scannedAt()).isEqualTo(Instant.ofEpochSecond(1795731664));
		assertThat(scan.scannerId()).isEqualTo("lab");
		// without -sV nmap names services from its port table only, which is kept as such; "unknown" is not
		assertThat(scan.hosts()).containsExactly(new DiscoveredHost("127.0.0.1", "localhost", null, null,
				List.of(5432, 18025, 18080, 19093, 19094, 19100), null,
				List.of(new DiscoveredService(5432, "tcp", "postgresql", null, null, null, List.of(), "table")),
				List.of()));
	}

	@Test
	void parseWhenRealNmapServiceScanReadsTheSameHost() {
		// when
		ScanPayload scan = ScanParser.parse(resource("localhost_services_sV.xml"), ScanFormat.NMAP_XML, null);
		// then
		assertThat(scan.scannerId()).isEqualTo("nmap");
		assertThat(scan.hosts()).singleElement()
			.satisfies((host) -> assertThat(host.openPorts()).containsExactly(5432, 18025, 18080, 19093, 19094, 19100));
	}

	@Test
	void parseWhenRealSubnetScanKeepsOnlyHostsThatAreUpWithMacAndOs() {
		// when
		ScanPayload scan = ScanParser.parse(resource("full_sudo6.xml"), ScanFormat.NMAP_XML, "lab");
		// then
		assertThat(scan.hosts()).extracting(DiscoveredHost::ipAddress)
			.containsExactly("192.168.1.1", "192.168.1.2", "192.168.1.5", "192.168.1.3");
		DiscoveredHost router = scan.hosts().get(0);
		assertThat(new DiscoveredHost(router.ipAddress(), router.hostname(), router.macAddress(), router.serialNumber(),
				router.openPorts(), router.osGuess()))
			.isEqualTo(new DiscoveredHost("192.168.1.1", null, "6C:2E:85:19:AF:00", null,
					List.of(23, 80, 443, 992, 8080, 8443), "Linux 2.6.13 (embedded)"));
		assertThat(router.services()).first()
			.isEqualTo(new DiscoveredService(23, "tcp", "telnet", "Sagem router telnetd", null, null, List.of(),
					"probed"));
		assertThat(scan.hosts().get(2).osGuess()).isEqualTo("Microsoft Windows Server 2008 Beta 3");
		assertThat(HostTypes.of(scan.hosts().get(2).osGuess(), scan.hosts().get(2).openPorts())).isEqualTo("server");
		assertThat(HostTypes.of(scan.hosts().get(3).osGuess(), scan.hosts().get(3).openPorts()))
			.isEqualTo("workstation");
		assertThat(HostTypes.of(scan.hosts().get(0).osGuess(), scan.hosts().get(0).openPorts()))
			.isEqualTo("network_device");
	}

	@Test
	void parseWhenRealServiceAndOsScanKeepsWhatVersionDetectionFound() {
		// when: nmap -sT -sV -O --osscan-guess -p 3306,5432,5672,6379,18080 127.0.0.1 -oX (nmap 7.93)
		ScanPayload scan = ScanParser.parse(resource("localhost_sT_sV_O.xml"), ScanFormat.NMAP_XML, "lab");
		// then
		DiscoveredHost host = scan.hosts().get(0);
		assertThat(host.openPorts()).containsExactly(3306, 5432, 5672, 6379, 18080);
		assertThat(host.services()).containsExactly(
				new DiscoveredService(3306, "tcp", "mysql", "MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1", null,
						List.of("cpe:/a:mariadb:mariadb:5.5.5-10.11.19-mariadb-0%2Bdeb12u1"), "probed"),
				new DiscoveredService(5432, "tcp", "postgresql", "PostgreSQL DB", "9.6.0 or later", null,
						List.of("cpe:/a:postgresql:postgresql"), "probed"),
				new DiscoveredService(5672, "tcp", "amqp", "RabbitMQ", "3.10.8", "0-9", List.of(), "probed"),
				new DiscoveredService(6379, "tcp", "redis", "Redis key-value store", "7.0.15", null,
						List.of("cpe:/a:redislabs:redis:7.0.15"), "probed"),
				new DiscoveredService(18080, "tcp", "http", "SimpleHTTPServer", "0.6", "Python 3.11.7",
						List.of("cpe:/a:python:simplehttpserver:0.6"), "probed"));
		assertThat(host.osGuess()).isEqualTo("Linux 5.0 - 5.2");
		assertThat(host.osCpe()).containsExactly("cpe:/o:linux:linux_kernel:5");
	}

	@Test
	void parseWhenJsonHostCarriesServicesReadsThemAsNmapDoes() {
		// given
		String json = """
				{"scan_type": "network", "scanner_id": "agent", "timestamp": "2026-11-01T00:00:00Z",
				 "data": {"discovered_hosts": [{"ip_address": "10.9.0.1", "open_ports": [22],
				   "os_cpe": "cpe:/o:canonical:ubuntu_linux:22.04",
				   "services": [{"port": 443, "name": "http", "product": "nginx", "version": "1.18.0",
				                 "extra_info": "Ubuntu", "cpe": ["cpe:/a:igor_sysoev:nginx:1.18.0"]}]}]}}
				""";
		// when
		ScanPayload scan = ScanParser.parse(json.getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null);
		// then
		DiscoveredHost host = scan.hosts().get(0);
		assertThat(host.openPorts()).containsExactly(22, 443);
		assertThat(host.services()).containsExactly(new DiscoveredService(443, "tcp", "http", "nginx", "1.18.0",
				"Ubuntu", List.of("cpe:/a:igor_sysoev:nginx:1.18.0"), null));
		assertThat(host.osCpe()).containsExactly("cpe:/o:canonical:ubuntu_linux:22.04");
	}

	@Test
	void parseWhenJsonServiceIsMalformedNamesTheField() {
		// given
		String json = """
				{"scan_type": "network", "scanner_id": "agent", "timestamp": "2026-11-01T00:00:00Z",
				 "data": {"discovered_hosts": [{"ip_address": "10.9.0.2",
				   "services": [{"port": 70000, "name": "x"}, {"port": 80}, {"port": 81, "name": "y", "cpe": ["nope"]}]}]}}
				""";
		// when / then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(json.getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.contains("data.discovered_hosts[0].services[0].port", "data.discovered_hosts[0].services[1]",
						"data.discovered_hosts[0].services[2].cpe[0]"));
	}

	@Test
	void parseWhenXmlDeclaresEntitiesRefusesToExpandThem() {
		// given
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
				<nmaprun><host><address addr="10.0.0.1" addrtype="ipv4"/><hostnames><hostname name="&lol2;"/></hostnames></host></nmaprun>
				""";
		// when / then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(bomb.getBytes(StandardCharsets.UTF_8), ScanFormat.NMAP_XML, null));
	}

	@Test
	void parseWhenXmlReferencesAnExternalEntityRefusesIt() {
		// given
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE nmaprun [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<nmaprun><host><address addr="10.0.0.1" addrtype="ipv4"/><hostnames><hostname name="&secret;"/></hostnames></host></nmaprun>
				""";
		// when / then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(xxe.getBytes(StandardCharsets.UTF_8), ScanFormat.NMAP_XML, null));
	}

	@Test
	void parseWhenXmlIsNotNmapOrBrokenRejectsIt() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> ScanParser.parse("<html></html>".getBytes(StandardCharsets.UTF_8), ScanFormat.NMAP_XML, null));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> ScanParser.parse("<nmaprun><host>".getBytes(StandardCharsets.UTF_8), ScanFormat.NMAP_XML, null));
	}

	@Test
	void parseWhenProcessScanReadsHostConnectionsAndListening() {
		// given
		String json = """
				{"scan_type": "process", "scanner_id": "agent_db", "timestamp": "2026-10-31T23:57:00Z",
				 "data": {"host": {"hostname": "dev-db-01.corp.example", "ip_address": "10.0.4.18"},
				  "connections": [{"process_name": "java", "pid": 4873, "local_ip": "10.0.4.25", "local_port": 52297,
				    "remote_ip": "10.0.4.18", "remote_port": 5432, "protocol": "TCP", "state": "ESTABLISHED",
				    "observed_at": "2026-10-31T19:57:00Z"}],
				  "listening": [{"process_name": "postgres", "pid": 1, "port": 5432, "protocol": "TCP", "description": "PostgreSQL"}]}}
				""";
		// when
		ScanPayload scan = ScanParser.parse(json.getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null);
		// then
		assertThat(scan.type()).isEqualTo(ScanType.PROCESS);
		assertThat(scan.hosts()).singleElement().extracting(DiscoveredHost::hostname).isEqualTo("dev-db-01.corp.example");
		assertThat(scan.connections()).singleElement().satisfies((c) -> {
			assertThat(c.remotePort()).isEqualTo(5432);
			assertThat(c.observedAt()).isEqualTo(Instant.parse("2026-10-31T19:57:00Z"));
		});
		assertThat(scan.listening()).singleElement().extracting(ListeningPort::processName).isEqualTo("postgres");
	}

	@Test
	void parseWhenProcessScanHasBadFieldsNamesEachOne() {
		// given
		String json = """
				{"scan_type": "process", "scanner_id": "agent_db",
				 "data": {"host": {"ip_address": "10.0.4.18"},
				  "connections": [{"process_name": "java", "local_ip": "10.0.4.25", "local_port": 70000,
				    "remote_ip": "10.0.4", "remote_port": 5432, "protocol": "SCTP", "observed_at": "yesterday"}]}}
				""";
		// when / then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(json.getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("data.connections[0].local_port", "data.connections[0].remote_ip",
						"data.connections[0].protocol", "data.connections[0].observed_at"));
	}

	@Test
	void parseWhenListeningPortsAreBadNamesEachByItsPlaceAndKeepsNoneOfThem() {
		// given
		String json = """
				{"scan_type": "process", "scanner_id": "agent_db",
				 "data": {"host": {"ip_address": "10.0.4.18"},
				  "listening": [{"process_name": "postgres", "port": 5432},
				    "not an object", {"process_name": "nginx", "port": 70000, "protocol": "SCTP"}]}}
				""";
		// when / then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(json.getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("data.listening[1]", "data.listening[2].port",
						"data.listening[2].protocol"));
	}

	@Test
	void parseWhenJsonIsMalformedOrNotAnObjectRejectsIt() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse("{\"scan_type\":".getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse("[1, 2]".getBytes(StandardCharsets.UTF_8), ScanFormat.JSON, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ScanParser.parse(new byte[0], ScanFormat.JSON, null));
	}

	private static byte[] resource(String name) {
		try (InputStream in = ScanParserTests.class.getResourceAsStream("/nmap/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
