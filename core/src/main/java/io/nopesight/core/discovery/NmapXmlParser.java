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
 * a host's open TCP/UDP ports, MAC, first hostname and best OS match are kept.
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
				Integer portId = null;
				String portProtocol = null;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.DTD && xml.getText() != null && xml.getText().contains("ENTITY")) {
						throw new InvalidInputException("body", "XML with entity declarations is not accepted");
					}
					if (event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new InvalidInputException("body", "XML entity references are not accepted");
					}
					if (event != XMLStreamConstants.START_ELEMENT) {
						if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("host") && host != null) {
							if (host.up && host.ip != null) {
								hosts.add(host.build());
							}
							host = null;
						}
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
						case "port" -> {
							String id = xml.getAttributeValue(null, "portid");
							portId = (id != null && id.matches("\\d{1,5}")) ? Integer.valueOf(id) : null;
							portProtocol = xml.getAttributeValue(null, "protocol");
						}
						case "state" -> {
							if (host != null && portId != null && "open".equals(xml.getAttributeValue(null, "state"))
									&& portId >= 1 && portId <= 65535 && !"sctp".equals(portProtocol)) {
								host.ports.add(portId);
							}
						}
						case "osmatch" -> {
							if (host != null && host.os == null) {
								host.os = xml.getAttributeValue(null, "name");
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

		DiscoveredHost build() {
			return new DiscoveredHost(this.ip, this.hostname, this.mac, null, List.copyOf(this.ports), this.os);
		}

	}

}
