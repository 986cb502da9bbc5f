package io.nopesight.core.discovery;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.IpAddresses;

/**
 * The output of {@code nmap -oX}, read with a streaming (StAX) parser that refuses DTDs and external
 * entities, so an entity-expansion payload is rejected rather than expanded. Only hosts that are up count;
 * a host's open TCP/UDP ports with what {@code -sV} found on them (service, product, version, extra
 * information, CPE), MAC, first hostname and best OS match with its CPE are kept.
 */
final class NmapXmlParser {

	private static final XMLInputFactory FACTORY = factory();

	private NmapXmlParser() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newInstance();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	static ScanPayload parse(byte[] body, String scannerId) {
		List<DiscoveredHost> hosts = new ArrayList<>();
		Instant started = null;
		boolean sawRoot = false;
		try {
			XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
			try {
				HostBuilder host = null;
				PortBuilder port = null;
				boolean inBestOs = false;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.DTD && xml.getText() != null && xml.getText().contains("ENTITY")) {
						throw new InvalidInputException("body", "XML with entity declarations is not accepted");
					}
					if (event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new InvalidInputException("body", "XML entity references are not accepted");
					}
					if (event == XMLStreamConstants.END_ELEMENT) {
						switch (xml.getLocalName()) {
							case "host" -> {
								if (host != null && host.up && host.ip != null) {
									hosts.add(host.build());
								}
								host = null;
							}
							case "port" -> {
								if (host != null && port != null) {
									port.addTo(host);
								}
								port = null;
							}
							case "osmatch" -> inBestOs = false;
							default -> {
							}
						}
						continue;
					}
					if (event != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String name = xml.getLocalName();
					if (!sawRoot) {
						if (!name.equals("nmaprun")) {
							throw new InvalidInputException("body", "not nmap XML output: the root element is <" + name + ">, not <nmaprun>");
						}
						sawRoot = true;
						String start = xml.getAttributeValue(null, "start");
						if (start != null && start.matches("\\d{1,12}")) {
							started = Instant.ofEpochSecond(Long.parseLong(start));
						}
						continue;
					}
					switch (name) {
						case "host" -> host = new HostBuilder();
						case "status" -> {
							if (host != null) {
								host.up = "up".equals(xml.getAttributeValue(null, "state"));
							}
						}
						case "address" -> {
							if (host != null) {
								address(host, xml.getAttributeValue(null, "addr"), xml.getAttributeValue(null, "addrtype"));
							}
						}
						case "hostname" -> {
							String hostname = xml.getAttributeValue(null, "name");
							if (host != null && host.hostname == null && hostname != null && Addresses.isHostname(hostname)) {
								host.hostname = hostname;
							}
						}
						case "port" -> port = PortBuilder.of(xml.getAttributeValue(null, "portid"),
								xml.getAttributeValue(null, "protocol"));
						case "state" -> {
							if (port != null) {
								port.open = "open".equals(xml.getAttributeValue(null, "state"));
							}
						}
						case "service" -> {
							if (port != null) {
								port.service(xml);
							}
						}
						case "cpe" -> {
							String cpe = xml.getElementText().strip();
							if (port != null && port.serviceSeen && !cpe.isEmpty()) {
								port.cpe.add(cpe);
							}
							else if (host != null && inBestOs && !cpe.isEmpty() && !host.osCpe.contains(cpe)) {
								host.osCpe.add(cpe);
							}
						}
						case "osmatch" -> {
							if (host != null && host.os == null) {
								host.os = xml.getAttributeValue(null, "name");
								inBestOs = true;
							}
						}
						default -> {
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new InvalidInputException("body", "Malformed XML: " + firstLine(ex.getMessage()));
		}
		if (!sawRoot) {
			throw new InvalidInputException("body", "not nmap XML output: no <nmaprun> element");
		}
		return new ScanPayload(ScanType.NETWORK, scannerId, (started != null) ? started : Instant.now(),
				ScanFormat.NMAP_XML, hosts, List.of(), List.of());
	}

	private static void address(HostBuilder host, @Nullable String addr, @Nullable String type) {
		if (addr == null) {
			return;
		}
		if ("mac".equals(type) && Addresses.isMac(addr)) {
			host.mac = Addresses.normalizeMac(addr);
		}
		else if (("ipv4".equals(type) || "ipv6".equals(type)) && IpAddresses.isValid(addr) && host.ip == null) {
			host.ip = addr;
		}
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		String line = message.lines().reduce((a, b) -> b).orElse(message);
		return (line.length() > 300) ? line.substring(0, 300) : line;
	}

	private static final class HostBuilder {

		boolean up = true;

		@Nullable String ip;

		@Nullable String mac;

		@Nullable String hostname;

		@Nullable String os;

		final TreeSet<Integer> ports = new TreeSet<>();

		final List<DiscoveredService> services = new ArrayList<>();

		final List<String> osCpe = new ArrayList<>();

		DiscoveredHost build() {
			return new DiscoveredHost(this.ip, this.hostname, this.mac, null, List.copyOf(this.ports), this.os,
					this.services, this.osCpe);
		}

	}

	/**
	 * One {@code <port>} as it is read: its state, then what {@code <service>} says of it.
	 */
	private static final class PortBuilder {

		final int id;

		final String protocol;

		boolean open;

		boolean serviceSeen;

		@Nullable String name;

		@Nullable String product;

		@Nullable String version;

		@Nullable String extraInfo;

		@Nullable String method;

		final List<String> cpe = new ArrayList<>();

		private PortBuilder(int id, String protocol) {
			this.id = id;
			this.protocol = protocol;
		}

		static @Nullable PortBuilder of(@Nullable String id, @Nullable String protocol) {
			if (id == null || !id.matches("\\d{1,5}") || "sctp".equals(protocol)) {
				return null;
			}
			int port = Integer.parseInt(id);
			return (port >= 1 && port <= 65535) ? new PortBuilder(port, (protocol != null) ? protocol : "tcp") : null;
		}

		void service(XMLStreamReader xml) {
			this.serviceSeen = true;
			this.name = xml.getAttributeValue(null, "name");
			this.product = xml.getAttributeValue(null, "product");
			this.version = xml.getAttributeValue(null, "version");
			this.extraInfo = xml.getAttributeValue(null, "extrainfo");
			this.method = xml.getAttributeValue(null, "method");
		}

		void addTo(HostBuilder host) {
			if (!this.open) {
				return;
			}
			host.ports.add(this.id);
			// nmap names an unidentified service "unknown": that says nothing
			boolean named = this.name != null && !this.name.isBlank() && !this.name.equals("unknown");
			if (this.serviceSeen && (named || this.product != null)) {
				host.services.add(new DiscoveredService(this.id, this.protocol, named ? this.name : null,
						this.product, this.version, this.extraInfo, this.cpe, this.method));
			}
		}

	}

}
