package bench;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;

/**
 * The same trivial handler twice: outside {@code /v1} (no token, no rate limit) and inside it (bearer token,
 * rate limit, scope check), so the difference in latency is the cost of the security path. Lives outside
 * {@code io.nopesight} so that only the benchmark, which imports it, serves it.
 */
@RestController
public class PingController {

	@GetMapping("/bench/ping")
	Map<String, String> open() {
		return Map.of("pong", "ok");
	}

	@GetMapping("/v1/bench/ping")
	@RequiredScope("cmdb.read")
	Map<String, String> secured() {
		return Map.of("pong", "ok");
	}

}
