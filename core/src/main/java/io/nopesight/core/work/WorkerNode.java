package io.nopesight.core.work;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nopesight.core.Ids;

/**
 * This node's name in the work queue's leases. It is kept in the data folder, which one process uses at a
 * time, so a node restarted after a crash knows the items its previous run held and puts them back at
 * once instead of waiting for their leases to lapse.
 */
@Component
class WorkerNode {

	private final String id;

	WorkerNode(@Value("${nopesight.data-dir:data}") Path dataDir) {
		this.id = readOrCreate(dataDir.resolve("node-id"));
	}

	String id() {
		return this.id;
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!stored.isEmpty()) {
					return stored;
				}
			}
			String created = Ids.next("node");
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, created + "\n", StandardCharsets.UTF_8);
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create this node's id in " + file, ex);
		}
	}

}
