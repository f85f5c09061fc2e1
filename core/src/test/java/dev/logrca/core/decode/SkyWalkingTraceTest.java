package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A real Train-Ticket line: Kubernetes JSON around a logback line whose SkyWalking context sits
 * where the thread usually goes. Its trace id joins the line to the other services' lines of the
 * same request.
 */
class SkyWalkingTraceTest {
  private static final String LINE =
      "{\"timestamp\": \"2021-08-07T09:46:41.141000Z\", \"message\": \"2021-08-07 17:46:41.141"
          + " [SW_CTX:[ts-ticketinfo-service,2c2b262eb637411f9c0d9f2eb60777fc@10.244.1.55,"
          + "121f3fe08fca4050ada25791f255b1cc.37.16283296008480003,"
          + "a1cd73029f59442cb51b0cf5fad46d7e.40.16283296011413238,0]] [http-nio-15681-exec-5]"
          + " INFO  t.controller.TicketInfoController -Query ticket info for station id,Name:"
          + " Shang Hai \", \"stream\": \"stdout\", \"kubernetes\": {\"pod_name\":"
          + " \"ts-ticketinfo-service-10-244-1-55\", \"container_name\": \"ts-ticketinfo-service\","
          + " \"pod_labels\": {\"app\": \"ts-ticketinfo-service\"}}}";

  @Test
  void theTraceIdInTheHeadersThreadBracketIsTheLinesTrace() {
    LineDecoder decoder =
        new LineDecoder(new SourceContext("logs.jsonl", "logs", null, ZoneOffset.UTC, 2021, 0));

    LogRecord r = decoder.decode(LINE, 1);

    assertThat(r.service()).isEqualTo("ts-ticketinfo-service");
    assertThat(r.traceId()).isEqualTo("121f3fe08fca4050ada25791f255b1cc.37.16283296008480003");
  }
}
