package dev.logrca.core.template;

/** The kind of value a {@code <*>} in a template stands for, as far as its text tells. */
public enum VariableType {
  /** An integer or decimal, optionally signed. */
  NUMBER,
  /** A hexadecimal value: {@code 0x1f}, a long hex run, or a MAC address. */
  HEX,
  /** An IPv4 or IPv6 address. */
  IP,
  /** A host or address with a port: {@code 10.0.0.1:8080}, {@code db.local:5432}. */
  IP_PORT,
  /** A UUID. */
  UUID,
  /** A file system path. */
  PATH,
  /** A URL or URI with a scheme. */
  URL,
  /** A duration with a unit: {@code 12ms}, {@code 1.5s}. */
  DURATION,
  /** A size with a unit: {@code 4.5MB}, {@code 16K}. */
  SIZE,
  /** A date, a time of day, or both. */
  TIMESTAMP,
  /** A quoted string that spans several words. */
  QUOTED,
  /** A version string: {@code 1.4.1}, {@code v2.0}. */
  VERSION,
  /** An identifier with a numeric part: {@code blk_-123}, {@code job_1445_0020}. */
  ID,
  /** {@code true}, {@code false} or {@code null}. */
  BOOLEAN,
  /** A bracketed list or object whose contents vary. */
  LIST,
  /** A word that varied between messages of one template. */
  WORD,
  /**
   * A host name ({@code db1.example.com}, {@code proxy.cs.example.edu.hk}), or a user or mailbox at
   * a host ({@code alice@example.org}).
   */
  HOST
}
