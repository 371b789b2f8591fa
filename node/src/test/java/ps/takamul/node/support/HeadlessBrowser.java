package ps.takamul.node.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests of the node's web pages: Debian's chromium, headless, driven through
 * Debian's chromedriver. Both are named by path so that Selenium never looks for, or downloads,
 * a browser or driver of its own. Without them a test fails and says what to install; it never
 * skips.
 */
public final class HeadlessBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    private HeadlessBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts chromium, or fails naming the Debian packages to install (.ci/run installs them). */
    public static HeadlessBrowser start() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        // Selenium Manager would otherwise be consulted; with both paths given it is not, and this
        // keeps it offline should a future Selenium ask it anyway.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root, where chromium refuses to start with one.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--window-size=1280,1024");
        options.setPageLoadTimeout(PAGE_LOAD);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new HeadlessBrowser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page and waits until it has loaded. */
    public HeadlessBrowser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** An attribute of the page's {@code <html>} element, e.g. {@code lang} or {@code dir}. */
    public String documentAttribute(String name) {
        return driver.findElement(By.tagName("html")).getDomAttribute(name);
    }

    /** The text of the page's body, as a person sees it. */
    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Clicks a link the page shows and waits until the browser has loaded the page it leads to (by
     * its address: an XML document shown by the browser's viewer keeps the old page's elements alive).
     */
    public HeadlessBrowser clickAndWaitForNextPage(By by) {
        String before = driver.getCurrentUrl();
        driver.findElement(by).click();
        new WebDriverWait(driver, PAGE_LOAD).until(d -> !before.equals(d.getCurrentUrl())
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** A PNG of the window, for a person to look at when a test fails. */
    public Path screenshot(Path file) throws IOException {
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
