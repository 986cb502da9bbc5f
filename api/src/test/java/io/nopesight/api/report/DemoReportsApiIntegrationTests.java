package io.nopesight.api.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiTestProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports of the demo estate, end to end over HTTP with the real JasperReports templates: asked for, rendered
 * on the queue, downloaded as a PDF whose text is the inventory, and e-mailed to a real SMTP server on loopback
 * with the PDF attached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nopesight.demo=true", "nopesight.work.poll-interval=100ms",
				"nopesight.reporting.mail.poll-interval=100ms" })
class DemoReportsApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final int SMTP_PORT = freePort();

	private static final GreenMail SMTP = started();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void anInventoryPdfOfTheDemoIsRenderedDownloadedAndEmailed() throws Exception {
		ApiClient api = ApiClient.admin(this.port);
		Response accepted = api.post("/v1/reports/generate", Map.of("template_id", "tpl_inventory", "parameters",
				Map.of("ci_type", "server", "date_range", "last_30_days", "grouping", "location"), "format", "pdf",
				"delivery", Map.of("method", "email", "recipients", List.of("ops-lead@example.com"))));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("report_id").asString();
		await().atMost(PATIENCE).until(() -> "completed".equals(status(api, id).get("status").asString()));

		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/reports/" + id + "/download"))
				.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".pdf");
		String text = text(download.body());
		assertThat(text).contains("CI inventory").contains("grouping").contains("location").contains("DC1")
			.contains("Page 1 of");

		await().atMost(PATIENCE).until(() -> SMTP.getReceivedMessages().length == 1);
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops-lead@example.com");
		Part attachment = pdfAttachment((Multipart) mail.getContent());
		try (InputStream in = attachment.getInputStream()) {
			assertThat(text(in.readAllBytes())).contains("CI inventory");
		}
		await().atMost(PATIENCE).until(() -> "sent".equals(status(api, id).at("/deliveries/0/status").asString()));
	}

	private static JsonNode status(ApiClient api, String id) {
		return api.get("/v1/reports/" + id + "/status").json();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static Part pdfAttachment(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			Part part = multipart.getBodyPart(i);
			if (part.isMimeType("application/pdf")) {
				return part;
			}
		}
		throw new AssertionError("no PDF attached");
	}

	private static GreenMail started() {
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
