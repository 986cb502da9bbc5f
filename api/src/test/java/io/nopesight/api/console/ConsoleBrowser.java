package io.nopesight.api.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its chromedriver (both installed by {@code bin/test}); nothing is
 * downloaded. Waits are on conditions with a ceiling that only stops a test that would never end.
 */
final class ConsoleBrowser implements AutoCloseable {

	static final Duration CEILING = Duration.ofMinutes(2);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	// fetched from npm by bin/test: axe-core has no WebJar on Maven Central
	private static final Path AXE = Path.of("..", ".cache", "axe-core-4.14.1", "axe.min.js");

	final ChromeDriver driver;

	final Path downloads;

	private final String base;

	private ConsoleBrowser(ChromeDriver driver, Path downloads, String base) {
		this.driver = driver;
		this.downloads = downloads;
		this.base = base;
	}

	static ConsoleBrowser start(int port) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The console tests need Debian's chromium and chromium-driver: run bin/test, "
					+ "or apt-get install chromium chromium-driver");
		}
		Path downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "console-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,900", "--lang=en-GB");
		Map<String, Object> preferences = new HashMap<>();
		preferences.put("download.default_directory", downloads.toString());
		preferences.put("download.prompt_for_download", false);
		options.setExperimentalOption("prefs", preferences);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ConsoleBrowser(new ChromeDriver(service, options), downloads, "http://127.0.0.1:" + port);
	}

	/** Opens a view with a full page load, signed in with the token as the sign-in form would keep it. */
	void open(String hash, String token) {
		this.driver.get(this.base + "/");
		script("sessionStorage.setItem('nopesight.token', arguments[0]);", token);
		// a query string unique to this load makes it a navigation, not a hash change within the page
		this.driver.get(this.base + "/?load=" + System.nanoTime() + hash);
	}

	void signOut() {
		this.driver.get(this.base + "/");
		script("sessionStorage.clear();");
	}

	/** Waits until the view has its first data on screen; returns the time from navigation start, in ms. */
	double awaitReady(String view) {
		await(() -> view.equals(script("return document.body.dataset.ready || null;")));
		Object mark = script("const m = performance.getEntriesByName('nopesight-ready'); return m.length ? m[0].startTime : null;");
		return (mark instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

	void await(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.driver, CEILING, Duration.ofMillis(100)).ignoring(org.openqa.selenium.NoSuchElementException.class)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	WebElement find(String css) {
		await(() -> !this.driver.findElements(By.cssSelector(css)).isEmpty());
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Errors the page printed to the browser console since the last call. */
	List<String> consoleErrors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				errors.add(entry.getMessage());
			}
		}
		return errors;
	}

	/** axe-core's violations of impact serious or critical on the page as it is, one line each. */
	@SuppressWarnings("unchecked")
	List<String> seriousAccessibilityViolations() throws IOException {
		if (!Files.isRegularFile(AXE)) {
			throw new IllegalStateException("axe-core is fetched by bin/test into " + AXE.normalize()
					+ " (npm pack axe-core@4.14.1)");
		}
		if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
			script(Files.readString(AXE));
		}
		Object found = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((result) => done(result.violations
				    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
				    .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
				      + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
				  .catch((error) => done(['axe failed: ' + error]));
				""");
		return (List<String>) found;
	}

	/**
	 * The page at this width, as tall as its content (up to {@code maxHeight}): device metrics are emulated,
	 * since a headless window cannot be made narrower than about 500 pixels.
	 */
	void screenshot(Path file, int width, int maxHeight) throws IOException {
		emulate(width, 900);
		try {
			Object content = script("return document.documentElement.scrollHeight;");
			emulate(width, Math.min(maxHeight, Math.max(600, ((Number) content).intValue())));
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			script("window.dispatchEvent(new Event('resize'));");
		}
	}

	private void emulate(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
		// the charts follow the window's resize event; two frames later they have drawn at the new size
		script("window.dispatchEvent(new Event('resize'));");
		((JavascriptExecutor) this.driver).executeAsyncScript(
				"const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
