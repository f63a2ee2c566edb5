package dev.steward.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for a test class, driven through the installed /usr/bin/chromedriver (set explicitly, so
 * Selenium Manager never goes to the network). Without chromedriver the tests are skipped with a message, unless
 * STEWARD_REQUIRE_BROWSER=1 (CI), when they fail. Downloads land in a fresh folder; screenshots go to
 * target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("steward.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("steward.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    /** Starts Chromium, or skips (fails under STEWARD_REQUIRE_BROWSER=1) when it is not installed. */
    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does it)";
            if ("1".equals(System.getenv("STEWARD_REQUIRE_BROWSER"))) {
                Assertions.fail(why + ", and STEWARD_REQUIRE_BROWSER=1 requires them");
            }
            System.err.println("[steward] browser tests skipped: " + why);
            Assumptions.abort("skipped: " + why);
        }
        Path downloads = Files.createTempDirectory("steward-downloads");
        Path profile = Files.createTempDirectory("steward-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        o.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Map<String, Object> behaviour = new HashMap<>();
        behaviour.put("behavior", "allow");
        behaviour.put("downloadPath", downloads.toString());
        driver.executeCdpCommand("Browser.setDownloadBehavior", behaviour);
        return new Browser(driver, downloads, profile);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.write(to, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 30 s) for a finished download of this name and returns it. */
    Path download(String fileName) throws InterruptedException {
        Path file = downloads.resolve(fileName);
        for (int i = 0; i < 300; i++) {
            if (Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload"))) {
                return file;
            }
            Thread.sleep(100);
        }
        try (Stream<Path> s = Files.list(downloads)) {
            throw new AssertionError("no download " + fileName + " in " + downloads + "; there: " + s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        for (Path dir : List.of(downloads, profile)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
