package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependencyResolverTest {
  private final ServiceActivity activity = new ServiceActivity();
  private final DependencyResolver resolver =
      new DependencyResolver(activity, CorrelationConfig.defaults());
  private final Topology topology =
      new Topology().addCall("web", "api").addCall("web", "auth").addCall("api", "orders-db");

  @BeforeEach
  void servicesLog() {
    activity.record(line("web", 0, Level.INFO, "up"));
    activity.record(line("api", 0, Level.INFO, "up"));
    activity.record(line("auth", 0, Level.INFO, "up"));
    activity.record(line("orders-db", 0, Level.INFO, "up"));
  }

  @Test
  void namesMatchKnownServicesExactlyOrNormalised() {
    assertThat(resolver.resolve("web", "api", null, false, topology, at(1))).isEqualTo("api");
    assertThat(resolver.resolve("api", "orders_db", null, false, topology, at(1)))
        .isEqualTo("orders-db");
    assertThat(resolver.resolve("web", "api.shop.svc.cluster.local", null, false, topology, at(1)))
        .isEqualTo("api");
    assertThat(resolver.resolve("web", "api-7d9f8b7c6-x2x9q", null, false, topology, at(1)))
        .isEqualTo("api");
  }

  @Test
  void aProcessNameAsTheKernelPrintsItMapsToItsService() {
    activity.record(line("redis", 0, Level.INFO, "up"));
    activity.record(line("mysql", 0, Level.INFO, "up"));
    assertThat(resolver.resolve("kernel", "redis-server", null, false, topology, at(1)))
        .isEqualTo("redis");
    assertThat(resolver.resolve("kernel", "mysqld", null, false, topology, at(1)))
        .isEqualTo("mysql");
  }

  @Test
  void hostsTheServicesLoggedFromMapToThem() {
    // Lines.line logs every service from host "<service>-0"
    assertThat(resolver.resolve("web", "auth-0", null, false, topology, at(1))).isEqualTo("auth");
  }

  @Test
  void unseenNamesAreKeptAsTheNameOfTheDependency() {
    assertThat(
            resolver.resolve("web", "redis.cache.svc.cluster.local", null, false, topology, at(1)))
        .isEqualTo("redis");
    assertThat(resolver.resolve("web", "db.example.com", null, false, topology, at(1)))
        .isEqualTo("db.example.com");
  }

  @Test
  void anAddressIsTheCalleeThatFailsOrFallsSilent() {
    activity.record(line("web", 100, Level.INFO, "GET /"));
    activity.record(line("auth", 100, Level.INFO, "token"));
    // api stopped logging at 0 s: it is the silent callee of web
    assertThat(resolver.resolve("web", "10.0.0.5", null, true, topology, at(100))).isEqualTo("api");

    activity.record(line("api", 101, Level.INFO, "back"));
    activity.record(line("auth", 102, Level.ERROR, "cannot sign token"));
    assertThat(resolver.resolve("web", "10.0.0.5", null, true, topology, at(103)))
        .isEqualTo("auth");
  }

  @Test
  void anAddressNobodyExplainsIsReportedAsAHostNeverAsAService() {
    assertThat(resolver.resolve("web", "10.0.0.5", null, true, topology, at(1)))
        .isEqualTo("host 10.0.0.5");
  }

  @Test
  void anAddressAServiceSaysItListensOnIsThatService() {
    activity.record(line("auth", 1, Level.INFO, "gRPC server listening on 10.4.7.17:50051"));

    assertThat(resolver.resolve("web", "10.4.7.17", null, true, topology, at(2))).isEqualTo("auth");
  }

  @Test
  void anAddressSomeLinePrintedBesideAServicesNameIsThatService() {
    // Netty prints its peer as InetSocketAddress does, in another caller's line
    activity.record(
        line(
            "web",
            1,
            Level.WARN,
            "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused:"
                + " auth/10.4.7.17:8443"));
    activity.record(
        line(
            "web",
            1,
            Level.INFO,
            "[core] Subchannel Connectivity change to READY {Addr: \"10.4.7.21:50051\","
                + " ServerName: \"api.shop.svc.cluster.local:50051\", }"));

    assertThat(resolver.resolve("web", "10.4.7.17", null, true, topology, at(2))).isEqualTo("auth");
    assertThat(resolver.resolve("web", "10.4.7.21", null, true, topology, at(2))).isEqualTo("api");
    // a name nobody knows beside an address says nothing: still a host
    activity.record(line("web", 1, Level.INFO, "proxying for client (10.9.9.9)"));
    assertThat(resolver.resolve("auth", "10.9.9.9", null, true, topology, at(2)))
        .isEqualTo("host 10.9.9.9");
  }

  @Test
  void onlyANamePrintedBesideAnAddressPairsWithIt() {
    assertThat(HostAddresses.pairedIn("Call From node1/10.0.0.1 to nn:8020 failed"))
        .singleElement()
        .satisfies(p -> assertThat(p).containsExactly("node1", "10.0.0.1"));
    assertThat(HostAddresses.pairedIn("GET /v1/10.0.0.1 200")).isEmpty();
    assertThat(HostAddresses.pairedIn("upstream: \"http://10.0.0.5:8080/v1/items\"")).isEmpty();
    assertThat(HostAddresses.pairedIn("connected to localhost/127.0.0.1:5432")).isEmpty();
    assertThat(HostAddresses.pairedIn("version 1.2.3.4 started")).isEmpty();
  }

  @Test
  void anAddressAPodOrHostNameEmbedsIsThatService() {
    assertThat(HostAddresses.embeddedIn("ts-travel-service-10-244-3-63")).isEqualTo("10.244.3.63");
    assertThat(HostAddresses.embeddedIn("ip-10-4-7-17.ec2.internal")).isEqualTo("10.4.7.17");
    assertThat(HostAddresses.embeddedIn("payment-6b7f9c8d54-x2x9q")).isNull();
    assertThat(HostAddresses.announcedIn("listening on 0.0.0.0:8080")).isNull();
  }

  @Test
  void aLineThatNamesNobodyAsksTheTopologyOnlyWhenAllowed() {
    assertThat(resolver.resolve("api", null, null, true, topology, at(1))).isEqualTo("orders-db");
    assertThat(resolver.resolve("api", null, null, false, topology, at(1))).isNull();
  }

  @Test
  void aLineAboutAnOutsidePartyIsNotGivenToTheOneCallee() {
    // api's one callee is orders-db, but a payment provider is no service of the system
    assertThat(
            resolver.resolve(
                "api", null, "payment provider responding slowly", true, topology, at(1)))
        .isNull();
    assertThat(resolver.resolve("api", null, "third-party API timed out", true, topology, at(1)))
        .isNull();
    // a caller that relays its callee's words about the outside party still blames the callee
    assertThat(
            resolver.resolve(
                "web",
                null,
                "api call failed: 502 {\"error\":\"payment provider timeout\"}",
                true,
                topology,
                at(1)))
        .isEqualTo("api");
  }

  @Test
  void aServiceNeverBlamesItselfOrLocalhost() {
    assertThat(resolver.resolve("api", "api", null, false, topology, at(1))).isNull();
    assertThat(resolver.resolve("api", "localhost", null, false, topology, at(1))).isNull();
  }

  @Test
  void aLineThatNamesNoPeerButACalleeAsAWordBlamesThatCallee() {
    activity.record(line("web", 1, Level.INFO, "GET /"));
    activity.record(line("auth", 1, Level.INFO, "token"));
    activity.record(line("api", 1, Level.INFO, "ok"));
    assertThat(
            resolver.resolve(
                "web", null, "Order 42 failed: auth call failed", true, topology, at(2)))
        .isEqualTo("auth");
    // "api" and "auth" both named: the words do not decide
    assertThat(resolver.resolve("web", null, "api call failed after auth", true, topology, at(2)))
        .isNull();
  }

  @Test
  void anAddressIsResolvedAmongTheDirectCalleesOnly() {
    // inferred from traces: web also "calls" orders-db, which it reaches only through api
    Topology inferred =
        new Topology()
            .addCall("web", "api")
            .addCall("web", "orders-db")
            .addCall("api", "orders-db");
    assertThat(resolver.resolve("web", "10.0.0.5", null, true, inferred, at(1))).isEqualTo("api");
  }

  @Test
  void aClientLibraryNamingItsServerOtherwiseBlamesThatServer() {
    Topology shop =
        new Topology()
            .addCall("inventory", "postgres")
            .addCall("inventory", "redis")
            .addCall("checkout", "inventory");
    for (String s : new String[] {"inventory", "postgres", "redis", "checkout"}) {
      activity.record(line(s, 0, Level.INFO, "up"));
    }
    // redis is failing too, but the line is PgJDBC's and names no host
    activity.record(line("redis", 1, Level.ERROR, "MISCONF"));
    String pgjdbc =
        "Stock lookup failed\norg.postgresql.util.PSQLException: The connection attempt failed."
            + "\nCaused by: java.net.NoRouteToHostException: No route to host";
    assertThat(resolver.resolve("inventory", null, pgjdbc, true, shop, at(2)))
        .isEqualTo("postgres");
    assertThat(
            resolver.resolve(
                "inventory",
                null,
                "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a"
                    + " resource from the pool",
                true,
                shop,
                at(2)))
        .isEqualTo("redis");
  }
}
