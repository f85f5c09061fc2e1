package dev.logrca.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import dev.logrca.index.search.Searcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The console in a real browser: the list, an incident, its evidence, searches good and bad. */
class ConsoleBrowserTest {
  @TempDir static Path data;
  static Searcher searcher;
  static WebServer server;
  static URI base;

  @RegisterExtension final Browser browser = new Browser();

  @BeforeAll
  static void serve() throws Exception {
    ShopData.write(data);
    searcher = Searcher.open(data);
    server = WebServer.start(ServeSettings.loopback(0), searcher, null);
    base = server.uri();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  @org.junit.jupiter.api.AfterEach
  void quit() {
    browser.close();
  }

  @Test
  void theListLeadsToAnIncidentWithItsCausesEvidenceAndGraph() {
    browser.driver.get(base.toString());
    browser.waiting().until(presenceOfElementLocated(By.cssSelector("#incident-list table")));
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#incident-list tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("postgres — dependency.down", "open");
    rows.get(0).findElement(By.linkText(ShopData.INCIDENT_ID)).click();

    browser.waiting().until(textToBePresentInElementLocated(By.tagName("h1"), "postgres"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("#/incident/" + ShopData.INCIDENT_ID);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("postgres: dependency.down");
    WebElement top = browser.driver.findElement(By.cssSelector("article.cause.top"));
    assertThat(top.getText()).contains("first to go wrong", "× 0.30", "= 0.360");
    WebElement evidence = top.findElement(By.cssSelector(".lines li.evidence"));
    assertThat(evidence.getText()).contains(ShopData.REFUSED);
    assertThat(top.findElements(By.cssSelector(".lines li.context"))).hasSize(6);
    browser.waiting().until(presenceOfElementLocated(By.cssSelector("#timeline svg")));
    assertThat(browser.driver.findElement(By.cssSelector("#timeline svg")).getText())
        .contains("fault start", "postgres");
    WebElement graph = browser.driver.findElement(By.cssSelector("figure svg"));
    assertThat(graph.getAttribute("aria-label"))
        .contains("payment calls postgres", "Root cause: postgres");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aSearchShowsItsCountHistogramAndHitsAndPagesOn() {
    browser.driver.get(base + "#/search");
    WebElement query = browser.waiting().until(presenceOfElementLocated(By.id("search-q")));
    query.sendKeys("service:postgres AND level:fatal", Keys.ENTER);
    browser
        .waiting()
        .until(textToBePresentInElementLocated(By.id("search-total"), "300 events match"));
    assertThat(browser.driver.getCurrentUrl()).contains("#/search?q=service%3Apostgres");
    assertThat(browser.driver.findElements(By.cssSelector("#histogram rect"))).isNotEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#hits tbody tr"))).hasSize(100);
    browser.driver.findElement(By.xpath("//button[text()='Load more']")).click();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#hits tbody tr")).size() == 200);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aBadQuerySaysWhatIsWrong() {
    browser.driver.get(base + "#/search?q=" + Http.q("servce:payment"));
    WebElement alert =
        browser.waiting().until(presenceOfElementLocated(By.cssSelector("[role=alert]")));
    assertThat(alert.getText())
        .contains("unknown field 'servce'", "event fields are: id, timestamp, service");
    assertThat(browser.driver.findElement(By.id("search-q")).getAttribute("value"))
        .isEqualTo("servce:payment");
  }

  @Test
  void templatesAndKeyboardFocus() {
    browser.driver.get(base + "#/templates?service=postgres");
    browser.waiting().until(textToBePresentInElementLocated(By.tagName("table"), "postgres:2"));
    // each page puts the focus on its heading, for keyboard and screen-reader users
    assertThat(browser.driver.switchTo().activeElement().getTagName()).isEqualTo("h1");
    assertThat(browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
        .isEqualTo("Templates");
    assertThat(browser.driver.findElements(By.cssSelector("main, nav, header"))).hasSize(3);
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
