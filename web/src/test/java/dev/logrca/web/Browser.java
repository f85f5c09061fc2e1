package dev.logrca.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the console tests; saves a screenshot under
 * {@code target/screenshots} when a test fails. Fails, never skips, when the browser is missing.
 */
final class Browser implements TestExecutionExceptionHandler, AutoCloseable {
  static final String DRIVER = "/usr/bin/chromedriver";

  final ChromeDriver driver;

  Browser() {
    if (!new File(DRIVER).canExecute()) {
      throw new IllegalStateException(
          DRIVER
              + " is missing: the console tests need Debian's chromium and chromium-driver"
              + " (apt-get install -y --no-install-recommends chromium chromium-driver; .ci/run"
              + " does it)");
    }
    ChromeOptions options = new ChromeOptions();
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1400",
        "--lang=en-US");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    // a fixed driver, so that Selenium Manager never reaches for the network
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    driver = new ChromeDriver(service, options);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Console errors since the last call (the browser's log is emptied on reading). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs while the browser is still open, before the test's clean-up quits it. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable cause)
      throws Throwable {
    Path file =
        Path.of("target", "screenshots", context.getRequiredTestMethod().getName() + ".png");
    try {
      screenshot(file);
      System.err.println("screenshot of the failure: " + file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
    throw cause;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
