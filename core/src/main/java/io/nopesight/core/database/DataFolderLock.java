package io.nopesight.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * One process per data folder: an operating-system lock on {@code <data-dir>/.lock}, taken before any other
 * bean exists (so before the embedded PostgreSQL, the search index or the node id are touched) and held for
 * the life of the application. A second start on a folder in use fails at once and changes nothing; a lock
 * left by a killed process dies with it, so the next start takes it over.
 */
public final class DataFolderLock implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered,
		DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DataFolderLock.class);

	static final String FILE = ".lock";

	private @Nullable Path dataDir;

	private @Nullable FileChannel channel;

	private @Nullable FileLock lock;

	@Override
	public void setEnvironment(Environment environment) {
		this.dataDir = Path.of(environment.getProperty("nopesight.data-dir", "data")).toAbsolutePath().normalize();
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Path folder = (this.dataDir != null) ? this.dataDir : Path.of("data").toAbsolutePath();
		acquire(folder);
	}

	synchronized void acquire(Path folder) {
		if (this.lock != null) {
			return;
		}
		try {
			Files.createDirectories(folder);
			FileChannel opened = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE,
					StandardOpenOption.READ, StandardOpenOption.WRITE);
			FileLock taken = tryLock(opened);
			if (taken == null) {
				String holder = holder(opened);
				opened.close();
				throw new DataFolderInUseException(folder, holder);
			}
			String self = describe(ProcessHandle.current());
			opened.truncate(0);
			opened.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.UTF_8)), 0);
			opened.force(true);
			this.channel = opened;
			this.lock = taken;
			logger.info("Holding the data folder {} (process {})", folder, ProcessHandle.current().pid());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock the data folder " + folder, ex);
		}
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (this.lock != null) {
			this.lock.release();
			this.lock = null;
		}
		if (this.channel != null) {
			this.channel.close();
			this.channel = null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// another application context of this very JVM holds it
			return null;
		}
	}

	private static String holder(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		int read = channel.read(buffer, 0);
		String text = (read > 0) ? new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip() : "";
		return text.isEmpty() ? "another process" : text;
	}

	private static String describe(ProcessHandle process) {
		String command = process.info().commandLine().orElse(process.info().command().orElse("?"));
		String shown = (command.length() > 300) ? command.substring(0, 300) + "..." : command;
		return "pid " + process.pid() + " (" + shown + ")";
	}

}
