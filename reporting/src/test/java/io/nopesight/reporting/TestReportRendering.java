package io.nopesight.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders the {@link TestReportTemplates} as text: CSV rows {@code n,label,as_of,zone,requested_by}, or the
 * same in an HTML table. Counts the renders of each {@code label} across every context of the JVM, so tests
 * of several nodes can tell a report was rendered once; {@code mode=fail} throws, and {@code mode=block}
 * waits (the first time for a label) until its worker is interrupted, as a node that stops does.
 */
class TestReportRendering implements ReportRendering {

	static final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();

	static final Set<String> blocked = ConcurrentHashMap.newKeySet();

	static final Map<String, CountDownLatch> blocking = new ConcurrentHashMap<>();

	static int renders(String label) {
		AtomicInteger count = renders.get(label);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Counts down once a render of the label is blocking.
	 */
	static CountDownLatch blocking(String label) {
		return blocking.computeIfAbsent(label, (key) -> new CountDownLatch(1));
	}

	@Override
	public RenderedReport render(String templateId, Map<String, Object> parameters, ReportFormat format,
			RenderContext context, OutputStream out) {
		String label = String.valueOf(parameters.getOrDefault("label", ""));
		renders.computeIfAbsent(label, (key) -> new AtomicInteger()).incrementAndGet();
		String mode = String.valueOf(parameters.get("mode"));
		if ("fail".equals(mode)) {
			throw new IllegalStateException(templateId + " was asked to fail");
		}
		if ("block".equals(mode) && blocked.add(label)) {
			block(label);
		}
		int rows = (Integer) parameters.get("rows");
		write(out, (format == ReportFormat.HTML) ? html(label, rows, context) : csv(label, rows, context));
		return new RenderedReport(1, rows, rows == 0);
	}

	private static void block(String label) {
		blocking(label).countDown();
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while rendering " + label, ex);
		}
	}

	private static String csv(String label, int rows, RenderContext context) {
		StringBuilder text = new StringBuilder("n,label,as_of,zone,requested_by\n");
		for (int n = 1; n <= rows; n++) {
			text.append(n).append(',').append(label).append(',').append(context.asOf()).append(',')
				.append(context.zone().getId()).append(',').append(context.requestedBy()).append('\n');
		}
		return text.toString();
	}

	private static String html(String label, int rows, RenderContext context) {
		StringBuilder text = new StringBuilder("<html><body><table><tr><th>n</th><th>label</th></tr>");
		for (int n = 1; n <= rows; n++) {
			text.append("<tr><td>").append(n).append("</td><td>").append(label).append("</td></tr>");
		}
		return text.append("</table><p>").append(context.requestedBy()).append("</p></body></html>").toString();
	}

	private static void write(OutputStream out, String text) {
		try {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
