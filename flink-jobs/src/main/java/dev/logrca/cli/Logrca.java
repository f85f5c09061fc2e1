package dev.logrca.cli;

/** Entry point of the logrca command (placeholder while the skeleton resolves). */
public final class Logrca {
  public static void main(String[] args) {}
}
