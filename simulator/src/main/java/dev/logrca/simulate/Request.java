package dev.logrca.simulate;

/**
 * One user request entering at the gateway; its trace id follows it through every hop.
 *
 * @param kind what the user asked for
 * @param traceId W3C trace id, 32 hex digits
 * @param clientIp the user's address as nginx sees it
 * @param method HTTP method
 * @param path HTTP path with its variable parts filled in
 * @param agent index of the user agent
 * @param connection nginx's connection number
 * @param sku product id the request is about
 * @param quantity items ordered
 * @param orderId order number (checkout only)
 * @param amountCents order total in cents
 */
record Request(
    Kind kind,
    String traceId,
    String clientIp,
    String method,
    String path,
    int agent,
    long connection,
    String sku,
    int quantity,
    long orderId,
    long amountCents) {

  /** The endpoints of the shop and which services they reach. */
  enum Kind {
    HOME,
    PRODUCT,
    CART,
    CHECKOUT,
    NOT_FOUND
  }

  /** The amount as a decimal string, e.g. {@code 42.10}. */
  String amount() {
    long cents = amountCents % 100;
    return amountCents / 100 + (cents < 10 ? ".0" : ".") + cents;
  }
}
