package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.format.JsonFigures;
import org.losseval.format.TinyJson;
import org.losseval.report.Range;
import org.losseval.text.Numbers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report of each example in a real browser: headless Chromium (Debian's {@code chromium}) driven
 * by its WebDriver ({@code chromium-driver}) through Selenium. For each page the real entry point writes,
 * from {@code examples/}: it loads without a console message of level SEVERE (a script or stylesheet error,
 * a failed fetch), every SVG is laid out with a non-zero size, the figures table's numbers are the JSON
 * report's figures ({@link JsonFigures}, a reader of the wire format written from the schema) exactly, the
 * concentration-curve table's shares are the JSON curve's, the histogram table's counts the JSON bins' and
 * the reliability table's bins the JSON diagram's,
 * and a screenshot of the whole page is saved to {@code target/screenshots/}.
 *
 * <p>Skipped, with a message saying so, when no browser or driver is installed (the README's plain
 * {@code mvn -B verify} on a machine with only a JDK and Maven); {@code .ci/run} installs both and fails
 * when these tests were skipped. The browser paths can be set with {@code -Dlosseval.chromium=...} and
 * {@code -Dlosseval.chromedriver=...}. The network is closed in CI, so Chromium starts with everything that
 * would open a connection switched off.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("losseval.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("losseval.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path dir;
    private static ChromeDriver browser;

    /**
     * The examples docs/html shows ({@code docs/html/commands.txt}): name, then the arguments of
     * {@code losseval eval} (the screenshot height, for make_pages.sh, left out).
     */
    static Stream<List<String>> examples() throws IOException {
        List<List<String>> examples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/html/commands.txt"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            List<String> words = new ArrayList<>(List.of(line.trim().split(" +")));
            words.remove(1);
            examples.add(words);
        }
        assertEquals(3, examples.size(), "houses, sensors and leaves");
        return examples.stream();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "skipped: the HTML report's browser "
                + "tests need headless Chromium and its driver (" + CHROMIUM + ", " + DRIVER + "; Debian: apt-get "
                + "install chromium chromium-driver); .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void thePageLoadsCleanlyWithPlotsAndTheJsonReportsNumbers(List<String> example) throws IOException {
        String name = example.get(0);
        List<String> args = example.subList(1, example.size());
        Object json = TinyJson.parse(run(args, "json"));
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, run(args, "html"));

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(page.toUri().toString());
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(entry.getMessage());
        }
        assertEquals(List.of(), severe, "console errors");

        List<WebElement> svgs = browser.findElements(By.cssSelector("svg"));
        assertTrue(svgs.size() >= 1, "the page has plots");
        for (WebElement svg : svgs) {
            Rectangle box = svg.getRect();
            assertTrue(box.getWidth() > 0 && box.getHeight() > 0, "an SVG of size " + box.getDimension());
        }

        assertEquals(JsonFigures.of(json), figuresTable(), "the figures table is the JSON report's figures");
        assertEquals(curveCells(json), tableCells("curve", 0), "the curve table is the JSON report's curves");
        assertEquals(histogramCounts(json), tableCells("histogram", 1), "the histogram table is the JSON bins");
        assertEquals(reliabilityCells(json), tableCells("reliability", 1), "the reliability table is the JSON bins");
        assertEquals(name.equals("leaves") ? 10 : 0, rows("reliability").size(), "a diagram for the logits only");

        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16000)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String run(List<String> args, String format) {
        List<String> argv = new ArrayList<>(List.of("eval"));
        argv.addAll(args);
        argv.addAll(List.of("--format", format));
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err()); // 1: a gate failed, as the houses' does
        return run.out();
    }

    /** figure | value | from | to, read from the page as a browser shows it. */
    private static Map<String, Range> figuresTable() {
        Map<String, Range> figures = new LinkedHashMap<>();
        for (List<String> row : rows("figures")) {
            Range range = new Range(number(row.get(2)), number(row.get(3)));
            assertEquals(range.mid(), number(row.get(1)), row.get(0) + ": the value is the midpoint");
            figures.put(row.get(0), range);
        }
        return figures;
    }

    /** The cells of a table from column {@code from} on, row by row; empty when the page has no such table. */
    private static List<List<String>> tableCells(String id, int from) {
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : rows(id)) cells.add(row.subList(from, row.size()));
        return cells;
    }

    private static List<List<String>> rows(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("table#" + id + " tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /**
     * Per curve point its rows, its fraction of the rows (a percentage, 6 significant digits) and each loss's
     * share, as the page writes a share: a percentage with two decimals.
     */
    private static List<List<String>> curveCells(Object json) {
        Object contributions = TinyJson.at(json, "contributions");
        List<List<String>> cells = new ArrayList<>();
        if (contributions == null) return cells;
        List<?> losses = (List<?>) TinyJson.at(contributions, "losses");
        int points = ((List<?>) TinyJson.at(losses.get(0), "curve")).size();
        for (int p = 0; p < points; p++) {
            List<String> row = new ArrayList<>();
            row.add(((TinyJson.Num) TinyJson.at(losses.get(0), "curve", p, "rows")).text());
            row.add(Numbers.human(TinyJson.number(losses.get(0), "curve", p, "fraction") * 100,
                    Numbers.DEFAULT_SIGNIFICANT_DIGITS) + "%");
            for (Object loss : losses) {
                Object share = TinyJson.at(loss, "curve", p, "share");
                row.add(Numbers.percent(share == null ? Double.NaN : ((TinyJson.Num) share).asDouble()));
            }
            cells.add(row);
        }
        return cells;
    }

    /** The counts of the bins with rows, as the page lists them. */
    private static List<List<String>> histogramCounts(Object json) {
        Object histogram = TinyJson.at(json, "contributions", "residual_histogram");
        List<List<String>> counts = new ArrayList<>();
        if (histogram == null) return counts;
        for (Object bin : (List<?>) TinyJson.at(histogram, "bins")) {
            String count = ((TinyJson.Num) TinyJson.at(bin, "count")).text();
            if (!count.equals("0")) counts.add(List.of(count));
        }
        return counts;
    }

    /** Per reliability bin: rows, and the mean and observed frequency as the page writes numbers (6 digits). */
    private static List<List<String>> reliabilityCells(Object json) {
        Object reliability = TinyJson.at(json, "reliability");
        List<List<String>> cells = new ArrayList<>();
        if (reliability == null) return cells;
        for (Object bin : (List<?>) TinyJson.at(reliability, "bins")) {
            cells.add(List.of(((TinyJson.Num) TinyJson.at(bin, "count")).text(), human(TinyJson.at(bin, "mean_predicted")),
                    human(TinyJson.at(bin, "observed"))));
        }
        return cells;
    }

    private static String human(Object number) {
        return Numbers.human(number == null ? Double.NaN : ((TinyJson.Num) number).asDouble(), Numbers.DEFAULT_SIGNIFICANT_DIGITS);
    }

    private static double number(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
