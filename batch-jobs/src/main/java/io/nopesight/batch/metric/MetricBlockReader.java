package io.nopesight.batch.metric;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.io.InputStreamSource;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.metric.MetricBatch;
import io.nopesight.core.metric.MetricStore;

/**
 * Reads an import's file as blocks of {@code blockLines} lines, each parsed, its CIs resolved and its
 * samples collected into a {@link MetricBatch} on a thread of its own, one block ahead of the step: while
 * the step's thread (and the database) store block n, this one prepares block n+1, so parsing does not
 * add to the time of a chunk. The number of lines consumed through the last block handed to the step is
 * saved with each committed chunk; a restarted import skips those lines.
 */
class MetricBlockReader implements ItemStreamReader<ImportBlock> {

	private static final String LINES_DONE = "metricBlockReader.lines";

	private final InputStreamSource content;

	private final boolean gzip;

	private final MetricLineProcessor lines;

	private final MetricStore store;

	private final int blockLines;

	private final int maxSkipReasons;

	// one block waits here while the next is being prepared
	private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(1);

	private long linesDone;

	private boolean ended;

	private @Nullable Thread producer;

	MetricBlockReader(InputStreamSource content, boolean gzip, MetricLineProcessor lines, MetricStore store,
			int blockLines, int maxSkipReasons) {
		this.content = content;
		this.gzip = gzip;
		this.lines = lines;
		this.store = store;
		this.blockLines = blockLines;
		this.maxSkipReasons = maxSkipReasons;
	}

	@Override
	public void open(ExecutionContext context) {
		this.linesDone = context.getLong(LINES_DONE, 0L);
		long skip = this.linesDone;
		Thread thread = new Thread(() -> produce(skip), "metric-import-reader");
		thread.setDaemon(true);
		this.producer = thread;
		thread.start();
	}

	@Override
	public @Nullable ImportBlock read() throws Exception {
		if (this.ended) {
			return null;
		}
		Object next = this.blocks.take();
		if (next instanceof Failure failure) {
			this.ended = true;
			throw failure.cause();
		}
		if (next instanceof ImportBlock block) {
			this.linesDone = block.lastLine();
			return block;
		}
		this.ended = true;
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LINES_DONE, this.linesDone);
	}

	@Override
	public void close() {
		Thread thread = this.producer;
		this.producer = null;
		if (thread == null) {
			return;
		}
		thread.interrupt();
		// a step stopped by interrupting its thread closes its reader on that thread: wait for the producer
		// all the same, and keep the interrupt for the step to see
		boolean interrupted = Thread.interrupted();
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void produce(long skip) {
		try (BufferedReader in = open()) {
			long line = 0;
			while (line < skip && in.readLine() != null) {
				line++;
			}
			while (true) {
				ImportBlock block = nextBlock(in, line);
				if (block == null) {
					this.blocks.put(End.INSTANCE);
					return;
				}
				line = block.lastLine();
				this.blocks.put(block);
			}
		}
		catch (InterruptedException ex) {
			// the step closed the reader: nothing more to read
		}
		catch (Exception | Error ex) {
			try {
				this.blocks.put(new Failure((ex instanceof Exception e) ? e : new IllegalStateException(ex)));
			}
			catch (InterruptedException stopped) {
				// the step closed the reader: no one reads the failure
			}
		}
	}

	/**
	 * The block after line {@code line}, or {@code null} at the end of the file.
	 */
	private @Nullable ImportBlock nextBlock(BufferedReader in, long line) throws IOException {
		MetricBatch batch = this.store.newBatch(this.blockLines);
		List<MetricImport.SkippedRow> reasons = new ArrayList<>();
		long skipped = 0;
		int rows = 0;
		String text;
		while (rows < this.blockLines && (text = in.readLine()) != null) {
			line++;
			ImportRow row = this.lines.process(new SourceLine(line, text));
			if (row == null) {
				continue;
			}
			rows++;
			String problem = row.problem();
			if (row.sample() != null) {
				try {
					batch.add(row.sample());
				}
				catch (InvalidInputException ex) {
					problem = ex.getMessage();
				}
			}
			if (problem != null) {
				skipped++;
				if (reasons.size() < this.maxSkipReasons) {
					reasons.add(new MetricImport.SkippedRow(row.line(), problem));
				}
			}
		}
		if (rows == 0) {
			return null;
		}
		batch.seal();
		return new ImportBlock(line, rows, batch, skipped, reasons);
	}

	private BufferedReader open() throws IOException {
		InputStream in = this.content.getInputStream();
		if (this.gzip) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

	private record Failure(Exception cause) {
	}

	private enum End {

		INSTANCE

	}

}
