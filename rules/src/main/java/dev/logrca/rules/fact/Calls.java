package dev.logrca.rules.fact;

import java.io.Serializable;

/** One edge of the call graph: {@code caller} calls {@code callee}. */
public record Calls(String caller, String callee) implements Serializable {

  public String getCaller() {
    return caller;
  }

  public String getCallee() {
    return callee;
  }
}
