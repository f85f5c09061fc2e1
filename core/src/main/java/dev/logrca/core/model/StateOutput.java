package dev.logrca.core.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;

/**
 * A state format's output that writes each distinct string once: {@link StateData#writeString}
 * writes a later occurrence as a reference to the first. Facts, incidents and traces repeat the
 * same service names, templates and messages many times over; Java serialisation shared them by
 * reference too, and without this the explicit formats wrote a fifth more bytes. Read with {@link
 * StateInput}.
 */
public final class StateOutput extends DataOutputStream {
  private final HashMap<String, Integer> written = new HashMap<>();

  /** An output onto {@code out} with no strings written yet. */
  public StateOutput(OutputStream out) {
    super(out);
  }

  /** Writes {@code s}, or a reference to its first occurrence: -2 for the first string, -3 ... */
  void writeShared(String s) throws IOException {
    Integer index = written.get(s);
    if (index != null) {
      writeInt(-2 - index);
      return;
    }
    written.put(s, written.size());
    StateData.writeNew(s, this);
  }
}
