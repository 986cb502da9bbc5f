package io.nopesight.batch.discovery;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.nopesight.core.discovery.DiscoveredHost;

/**
 * Reads the hosts of a stored scan; the position is saved with every chunk, so a restart goes on after
 * the last committed host.
 */
class ScanHostReader implements ItemStreamReader<IndexedHost> {

	static final String POSITION = "hosts.read";

	private final ParsedScans parsed;

	private final String scanId;

	private List<DiscoveredHost> hosts = List.of();

	private int position;

	ScanHostReader(ParsedScans parsed, String scanId) {
		this.parsed = parsed;
		this.scanId = scanId;
	}

	@Override
	public void open(ExecutionContext context) {
		this.hosts = this.parsed.of(this.scanId).hosts();
		this.position = context.containsKey(POSITION) ? context.getInt(POSITION) : 0;
	}

	@Override
	public @Nullable IndexedHost read() {
		if (this.position >= this.hosts.size()) {
			return null;
		}
		IndexedHost host = new IndexedHost(this.position, this.hosts.get(this.position));
		this.position++;
		return host;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(POSITION, this.position);
	}

	@Override
	public void close() {
		this.hosts = List.of();
	}

}
