package io.nopesight.reporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.ReportingTestApplication;
import io.nopesight.core.PostgresForTests;
import io.nopesight.reporting.JdbcInventoryReads.InventoryFilter;
import io.nopesight.reporting.ReportRendering.RenderContext;
import io.nopesight.reporting.ReportRendering.RenderedReport;

/**
 * The inventory of a large estate as a PDF in bounded memory: 100 000 CIs loaded with {@code COPY} into a fresh
 * schema, then {@code tpl_inventory} (every type, grouped by site) rendered to a file with the swap-file
 * virtualizer, timed, with the heap's peak during the render. Baseline of the same run: reading the same rows
 * through the same cursor, without the report. Run with {@code -Xmx512m} in a JVM of its own:
 * <p>
 * {@code ./mvnw -q -pl reporting -am test-compile exec:exec -Pbench-report} (options {@code -Dbench.cis=100000})
 */
public final class InventoryReportBenchmark {

	static final int CIS = Integer.getInteger("bench.cis", 100_000);

	static final Instant NOW = Instant.now();

	private static final List<String> TYPES = List.of("server", "server", "server", "server", "workstation",
			"workstation", "application", "database", "software", "network_device");

	private static final List<String> SITES = List.of("DC1", "DC2", "DC3", "DC4", "HQ", "LON", "ZRH");

	private InventoryReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = PostgresForTests.freshSchemaUrl();
		System.out.printf(Locale.ROOT, "Benchmark schema: %s, max heap %d MB%n", url,
				Runtime.getRuntime().maxMemory() >> 20);
		try (ConfigurableApplicationContext app = new SpringApplication(ReportingTestApplication.class).run(
				"--nopesight.db.url=" + url, "--nopesight.data-dir=" + PostgresForTests.freshDataDir(),
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
				Connection jdbc = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
			load(jdbc);
			ReportTemplates templates = app.getBean(ReportTemplates.class);
			ReportRendering rendering = app.getBean(ReportRendering.class);
			Path pdf = Path.of("target", "bench-inventory.pdf");
			// compiles the layout and warms the code on a report of one group
			render(templates, rendering, Map.of("ci_type", "network_device", "environment", "test"), pdf);
			double sql = sqlAlone(app);
			System.gc();
			long before = heapUsed();
			resetPeaks();
			long started = System.nanoTime();
			RenderedReport report = render(templates, rendering, Map.of("grouping", "location"), pdf);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT, "tpl_inventory PDF of %,d CIs: %,d pages, %.1f MB, %.1f s (%,.0f CIs/s);"
					+ " heap before %d MB, peak during the render %d MB (sum of the heap pools' peaks)%n",
					report.rows(), report.pages(), Files.size(pdf) / 1e6, seconds, report.rows() / seconds,
					before >> 20, peakHeap() >> 20);
			System.out.printf(Locale.ROOT, "baseline, the same rows through the same cursor without the report:"
					+ " %.2f s (render/read %.1fx)%n", sql, seconds / sql);
		}
	}

	private static RenderedReport render(ReportTemplates templates, ReportRendering rendering, Map<String, ?> given,
			Path file) throws IOException {
		Map<String, Object> parameters = templates.validate(InventoryReport.ID, given, NOW, ZoneOffset.UTC);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			return rendering.render(InventoryReport.ID, parameters, ReportFormat.PDF,
					new RenderContext(NOW, ZoneOffset.UTC, "benchmark"), out);
		}
	}

	private static double sqlAlone(ConfigurableApplicationContext app) {
		JdbcInventoryReads reads = app.getBean(JdbcInventoryReads.class);
		TransactionTemplate readOnly = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		long started = System.nanoTime();
		long rows = readOnly.execute((status) -> {
			try (Stream<InventoryRow> stream = reads
				.rows(new InventoryFilter(null, null, "location", NOW.minusSeconds(30L * 86_400), NOW))) {
				return stream.count();
			}
		});
		if (rows != CIS) {
			throw new IllegalStateException("read " + rows + " rows of " + CIS);
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private static void load(Connection jdbc) throws SQLException, IOException {
		long started = System.nanoTime();
		Random random = new Random(11);
		String at = NOW.minusSeconds(3600).toString();
		for (int chunk = 0; chunk < CIS; chunk += 10_000) {
			StringBuilder rows = new StringBuilder();
			for (int i = chunk; i < Math.min(CIS, chunk + 10_000); i++) {
				String type = TYPES.get(random.nextInt(TYPES.size()));
				String site = SITES.get(random.nextInt(SITES.size()));
				String attributes = String.format(Locale.ROOT, "{\"location\": \"%s-RACK-%02d\", \"ip_address\": \"10.%d.%d.%d\"}",
						site, random.nextInt(48), i / 65536, (i / 256) % 256, i % 256);
				String custom = String.format(Locale.ROOT, "{\"environment\": \"%s\", \"department\": \"%s\"}",
						List.of("production", "production", "staging", "development").get(random.nextInt(4)),
						List.of("IT", "Finance", "Sales", "Engineering", "HR").get(random.nextInt(5)));
				String name = type.toUpperCase(Locale.ROOT).substring(0, 3) + "-" + site + "-" + String.format(Locale.ROOT, "%06d", i);
				rows.append(String.join("\t", String.format(Locale.ROOT, "ci_%016x", i * 2654435761L), name, type,
						"active", attributes, custom, at, at, "bench", "bench")).append('\n');
			}
			jdbc.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY configuration_item (id, name, type, status, attributes, custom_fields, created_at,"
						+ " updated_at, created_by, updated_by) FROM STDIN", new StringReader(rows.toString()));
		}
		try (Statement statement = jdbc.createStatement()) {
			statement.execute("VACUUM ANALYZE configuration_item");
		}
		System.out.printf(Locale.ROOT, "Loaded %,d CIs with COPY in %.1f s%n", CIS, (System.nanoTime() - started) / 1e9);
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return heapPools().stream().mapToLong((p) -> p.getPeakUsage().getUsed()).sum();
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter((p) -> p.getType() == MemoryType.HEAP).toList();
	}

}
