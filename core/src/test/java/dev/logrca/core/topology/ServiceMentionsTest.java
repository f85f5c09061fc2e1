package dev.logrca.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.topology.ServiceMentions.Candidate;
import org.junit.jupiter.api.Test;

class ServiceMentionsTest {
  @Test
  void findsAddressesUrlsAndClusterNames() {
    assertThat(ServiceMentions.in("connect to postgres:5432 failed"))
        .contains(new Candidate("postgres", true), new Candidate("connect", false));
    assertThat(ServiceMentions.in("GET http://inventory:8080/items"))
        .contains(new Candidate("inventory", true))
        .doesNotContain(new Candidate("inventory", false));
    assertThat(ServiceMentions.in("GET https://payment/charge"))
        .contains(new Candidate("payment", true));
    assertThat(ServiceMentions.in("lookup cart.shop.svc.cluster.local."))
        .contains(new Candidate("cart.shop.svc.cluster.local", true), new Candidate("cart", true));
  }

  @Test
  void ignoresIpAddressesAndDottedIdentifiers() {
    assertThat(ServiceMentions.in("peer 10.0.0.7:5432 reset"))
        .extracting(Candidate::name)
        .containsExactly("peer", "reset");
    assertThat(ServiceMentions.in("at com.shop.cart.CartClient.call"))
        .extracting(Candidate::name)
        .containsExactly("at", "com.shop.cart.cartclient.call");
  }
}
