package io.nopesight.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.correlation.service.Services;
import io.nopesight.reporting.ReportRendering.RenderContext;
import io.nopesight.reporting.ReportRendering.RenderedReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template rendered in every format from the demo estate, read back as a reader would: the PDF's text with
 * PDFBox, the XLSX's cells with POI, the CSV's lines and the HTML.
 */
@ReportingDemoTest
class ReportRenderingIntegrationTests {

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	static final String ASKER = "alice@example.com";

	@Autowired
	ReportTemplates templates;

	@Autowired
	ReportRendering rendering;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	Services services;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void demoEstateSettled() {
		DemoEstateSettled.waitFor(this.jdbc, this.services);
	}

	/** Each template with a text its demo report must show, and its CSV header. */
	static Stream<Arguments> templates() {
		return Stream.of(
				Arguments.of("tpl_inventory", "CI inventory", "PROD-DB-03",
						"group,name,type,status,environment,location,department,updated_at"),
				Arguments.of("tpl_capacity", "Capacity planning", "PROD-DB-03",
						"ci,recommendation,metric,average,peak,trend_per_day,exhaustion,interval_80,model"),
				Arguments.of("tpl_events", "Events and incidents", "VMWARE-HOST-0",
						"started_at,severity,status,title,events,cis,root_cause"),
				Arguments.of("tpl_service_health", "Service health and SLA", "Customer Portal",
						"service,criticality,health,score,availability,healthy,target,sla,down_minutes,"
								+ "degraded_minutes,outages"));
	}

	@ParameterizedTest
	@MethodSource("templates")
	void pdfWhenRenderedFromTheDemoHasATitlePageThePageNumbersAndTheData(String id, String name, String known,
			String csvHeader) {
		// given
		Instant now = this.clock.instant();
		// when
		Rendered pdf = render(id, Map.of("date_range", "last_30_days"), ReportFormat.PDF, now);
		// then
		String text = pdfText(pdf.bytes());
		assertThat(pdf.report().pages()).isGreaterThan(1);
		assertThat(pdf.report().rows()).isPositive();
		assertThat(text).contains(name, "Parameters", "last_30_days", ASKER, new ReportTimes(ZURICH).withZone(now),
				"Page 1 of " + pdf.report().pages(), "Page 2 of " + pdf.report().pages(), known);
	}

	@ParameterizedTest
	@MethodSource("templates")
	void xlsxWhenRenderedFromTheDemoHasTheRowsOnOneSheet(String id, String name, String known, String csvHeader)
			throws IOException {
		Rendered xlsx = render(id, Map.of("date_range", "last_30_days"), ReportFormat.XLSX, this.clock.instant());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> cells = cells(sheet);
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(sheet.getSheetName()).isEqualTo(name);
			assertThat(cells).contains(name).anyMatch((c) -> c.contains(known));
			assertThat(sheet.getPhysicalNumberOfRows()).isGreaterThan((int) xlsx.report().rows());
		}
	}

	@ParameterizedTest
	@MethodSource("templates")
	void csvWhenRenderedFromTheDemoIsAHeaderAndALinePerRow(String id, String name, String known, String csvHeader) {
		Rendered csv = render(id, Map.of("date_range", "last_30_days"), ReportFormat.CSV, this.clock.instant());
		List<String> lines = csvLines(new String(csv.bytes(), StandardCharsets.UTF_8));
		assertThat(csv.report().pages()).isEqualTo(1);
		assertThat(lines.get(0)).isEqualTo(csvHeader);
		assertThat(lines).hasSize((int) csv.report().rows() + 1);
		assertThat(lines).anyMatch((l) -> l.contains(known));
	}

	@ParameterizedTest
	@MethodSource("templates")
	void htmlWhenRenderedFromTheDemoIsOnePageWithItsChartsInside(String id, String name, String known,
			String csvHeader) {
		Rendered html = render(id, Map.of("date_range", "last_30_days"), ReportFormat.HTML, this.clock.instant());
		String page = new String(html.bytes(), StandardCharsets.UTF_8);
		assertThat(page).contains("<title>" + name + "</title>", known, "last_30_days", "data:image/png;base64,")
			.doesNotContain("Page 1 of");
	}

	@Test
	void inventoryWhenACiIsNamedInSeveralScriptsShowsTheNameInEveryFormat() throws IOException {
		// given
		String unicode = "Zürich-ΣΩ-服务器";
		this.cmdb.create(new NewConfigurationItem(unicode, "server", "active", null,
				Map.of("location", "ZRH-RACK-01"), Map.of("environment", "unicode-lab", "department", "Ωmega")), "tester");
		Map<String, Object> onlyIt = Map.of("environment", "unicode-lab", "grouping", "department");
		Instant now = this.clock.instant();
		// when
		Rendered pdf = render("tpl_inventory", onlyIt, ReportFormat.PDF, now);
		Rendered csv = render("tpl_inventory", onlyIt, ReportFormat.CSV, now);
		Rendered xlsx = render("tpl_inventory", onlyIt, ReportFormat.XLSX, now);
		// then
		assertThat(pdf.report().rows()).isEqualTo(1);
		assertThat(pdfText(pdf.bytes())).contains(unicode, "Ωmega");
		assertThat(embeddedFonts(pdf.bytes())).anyMatch((f) -> f.contains("DroidSansFallback"))
			.anyMatch((f) -> f.contains("DejaVuSans"));
		assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("Ωmega," + unicode + ",server");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			assertThat(cells(workbook.getSheetAt(0))).contains(unicode);
		}
	}

	@Test
	void inventoryWhenNoCiMatchesSaysSoAndIsEmpty() {
		Rendered pdf = render("tpl_inventory", Map.of("environment", "nowhere-at-all"), ReportFormat.PDF,
				this.clock.instant());
		assertThat(pdf.report().empty()).isTrue();
		assertThat(pdf.report().rows()).isZero();
		assertThat(pdfText(pdf.bytes())).contains("No configuration items match these parameters", "Page 1 of");
	}

	@Test
	void capacityWhenADiskFillsUpGivesTheDateItsIntervalAndTheUpgrade() {
		Rendered csv = render("tpl_capacity", Map.of("metrics", "disk"), ReportFormat.CSV, this.clock.instant());
		List<String> lines = csvLines(new String(csv.bytes(), StandardCharsets.UTF_8));
		String prodDb03 = lines.stream().filter((l) -> l.startsWith("PROD-DB-03,")).findFirst().orElseThrow();
		assertThat(prodDb03).contains("Upgrade storage", ",Disk,")
			.containsPattern(",\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2},");
		assertThat(lines).allMatch((l) -> !l.contains(",CPU,") && !l.contains(",Memory,"));
	}

	@Test
	void renderWhenDoneLeavesNoSwapFilesBehind() throws IOException {
		// given: two pages in memory, so a report of the demo's 200 CIs swaps
		Path temp = Path.of(System.getProperty("java.io.tmpdir"));
		// when
		Rendered pdf = render("tpl_inventory", Map.of(), ReportFormat.PDF, this.clock.instant());
		// then
		assertThat(pdf.report().pages()).isGreaterThan(2);
		try (Stream<Path> left = Files.list(temp)) {
			assertThat(left.map((p) -> p.getFileName().toString())).noneMatch((n) -> n.startsWith("nopesight-report-"));
		}
	}

	private Rendered render(String id, Map<String, ?> given, ReportFormat format, Instant now) {
		Map<String, Object> parameters = this.templates.validate(id, new HashMap<>(given), now, ZURICH);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RenderedReport report = this.rendering.render(id, parameters, format, new RenderContext(now, ZURICH, ASKER),
				out);
		return new Rendered(report, out.toByteArray());
	}

	static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> embeddedFonts(byte[] pdf) throws IOException {
		List<String> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					if (font.isEmbedded()) {
						fonts.add(font.getName());
					}
				}
			}
		}
		return fonts;
	}

	private static List<String> cells(Sheet sheet) {
		List<String> cells = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				cells.add(cell.toString());
			}
		}
		return cells;
	}

	// a quoted field may hold line breaks: lines are counted outside quotes
	private static List<String> csvLines(String csv) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		boolean quoted = false;
		for (char c : csv.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == '\n' && !quoted) {
				lines.add(line.toString().replace("\r", ""));
				line.setLength(0);
			}
			else {
				line.append(c);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	record Rendered(RenderedReport report, byte[] bytes) {
	}

}
