package io.nopesight.api.discovery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.discovery.ListeningPort;
import io.nopesight.core.discovery.ProcessConnections;

/**
 * Process connections and listening processes of a CI, in camelCase as the reference shows them.
 */
@Tag(name = "Process connections")
@RestController
class ProcessConnectionController {

	private final ProcessConnections connections;

	ProcessConnectionController(ProcessConnections connections) {
		this.connections = connections;
	}

	@GetMapping({ "/v1/api/ci/{ciId}/process-connections", "/v1/cmdb/ci/{ciId}/process-connections" })
	@RequiredScope("cmdb.read")
	Groups processConnections(@PathVariable String ciId) {
		return new Groups(this.connections.groups(ciId).stream().map(Group::from).toList());
	}

	@GetMapping({ "/v1/api/ci/{ciId}/listening-process/{port}", "/v1/cmdb/ci/{ciId}/listening-process/{port}" })
	@RequiredScope("cmdb.read")
	Listening listeningProcess(@PathVariable String ciId, @PathVariable String port) {
		int number;
		try {
			number = Integer.parseInt(port.strip());
		}
		catch (NumberFormatException ex) {
			number = -1;
		}
		if (number < 1 || number > 65535) {
			throw new InvalidInputException("port", "'" + port + "' is not a port number between 1 and 65535");
		}
		return this.connections.listening(ciId, number)
			.map((p) -> new Listening(true, Process.from(p)))
			.orElseGet(() -> new Listening(false, null));
	}

	record Groups(@JsonProperty("groups") List<Group> groups) {
	}

	record Group(@JsonProperty("processName") String processName, @JsonProperty("targetIP") String targetIp,
			@JsonProperty("targetServer") @Nullable String targetServer,
			@JsonProperty("targetCIId") @Nullable String targetCiId,
			@JsonProperty("connectionCount") int connectionCount, @JsonProperty("ports") List<Integer> ports,
			@JsonProperty("firstSeen") Instant firstSeen, @JsonProperty("lastSeen") Instant lastSeen) {

		static Group from(ProcessConnections.ConnectionGroup group) {
			return new Group(group.processName(), group.targetIp(), group.targetServer(), group.targetCiId(),
					group.connectionCount(), group.ports(), group.firstSeen(), group.lastSeen());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Listening(@JsonProperty("found") boolean found, @JsonProperty("process") @Nullable Process process) {
	}

	record Process(@JsonProperty("name") String name, @JsonProperty("pid") @Nullable Integer pid,
			@JsonProperty("port") int port, @JsonProperty("protocol") String protocol,
			@JsonProperty("description") @Nullable String description) {

		static Process from(ListeningPort port) {
			return new Process(port.processName(), port.pid(), port.port(), port.protocol(), port.description());
		}

	}

}
