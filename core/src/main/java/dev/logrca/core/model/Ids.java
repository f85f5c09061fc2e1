package dev.logrca.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic short ids: the same input always gives the same id, in every run. */
public final class Ids {
  // one digest per thread: looking one up costs more than hashing a short id
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Ids::sha256);

  private Ids() {}

  /** The first 16 hex digits of the SHA-256 of {@code text}. */
  public static String hash(String text) {
    MessageDigest digest = SHA256.get();
    byte[] bytes = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(bytes, 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
