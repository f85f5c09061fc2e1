package dev.logrca.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.index.search.BadQueryException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAnswerIsReusedAtTheSameVersionsOnly() throws Exception {
    RecentAnswers recent = new RecentAnswers(1024);
    AtomicInteger computed = new AtomicInteger();
    RecentAnswers.Key atOne = new RecentAnswers.Key("q", 1, 1);
    RecentAnswers.Key atTwo = new RecentAnswers.Key("q", 2, 1);
    recent.answer(atOne, () -> bytes("one " + computed.incrementAndGet()));
    assertThat(recent.answer(atOne, () -> bytes("one " + computed.incrementAndGet())))
        .isEqualTo(bytes("one 1"));
    assertThat(recent.answer(atTwo, () -> bytes("two " + computed.incrementAndGet())))
        .isEqualTo(bytes("two 2"));
    // a 404 (null) is not kept
    assertThat(recent.answer(new RecentAnswers.Key("gone", 1, 1), () -> null)).isNull();
    assertThat(recent.get(new RecentAnswers.Key("gone", 1, 1))).isNull();
  }

  @Test
  void theOldestAnswersGoOverTheBudget() throws Exception {
    RecentAnswers recent = new RecentAnswers(10);
    RecentAnswers.Key a = new RecentAnswers.Key("a", 1, 1);
    RecentAnswers.Key b = new RecentAnswers.Key("b", 1, 1);
    recent.answer(a, () -> bytes("123456"));
    recent.answer(b, () -> bytes("789012"));
    assertThat(recent.get(a)).isNull();
    assertThat(recent.get(b)).isEqualTo(bytes("789012"));
  }

  @Test
  void theSameQuestionAskedMeanwhileWaitsForTheOneAnswer() throws Exception {
    RecentAnswers recent = new RecentAnswers(1024);
    RecentAnswers.Key key = new RecentAnswers.Key("histogram", 1, 1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger computed = new AtomicInteger();
    CompletableFuture<byte[]> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return recent.answer(
                    key,
                    () -> {
                      computed.incrementAndGet();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      return bytes("counted");
                    });
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    while (computed.get() == 0) {
      Thread.onSpinWait();
    }
    Thread second =
        new Thread(
            () -> {
              try {
                assertThat(recent.answer(key, () -> bytes("again " + computed.incrementAndGet())))
                    .isEqualTo(bytes("counted"));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    second.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(bytes("counted"));
    assertThat(computed).hasValue(1);
  }

  @Test
  void aFailureIsNotKept() throws Exception {
    RecentAnswers recent = new RecentAnswers(1024);
    RecentAnswers.Key key = new RecentAnswers.Key("slow", 1, 1);
    assertThatThrownBy(
            () ->
                recent.answer(
                    key,
                    () -> {
                      throw new BadQueryException("the query ran longer than its budget");
                    }))
        .isInstanceOf(BadQueryException.class);
    assertThat(recent.answer(key, () -> bytes("fine"))).isEqualTo(bytes("fine"));
  }
}
