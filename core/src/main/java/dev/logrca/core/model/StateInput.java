package dev.logrca.core.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;

/** Reads what a {@link StateOutput} wrote: a string's later occurrences refer to its first. */
public final class StateInput extends DataInputStream {
  private final ArrayList<String> read = new ArrayList<>();

  /** An input from {@code in} with no strings read yet. */
  public StateInput(InputStream in) {
    super(in);
  }

  /** The string a reference ({@code -2 - index}) stands for. */
  String shared(int reference) throws IOException {
    int index = -2 - reference;
    if (index >= read.size()) {
      throw new IOException(
          "state is corrupt: string " + index + " referred to before it was written");
    }
    return read.get(index);
  }

  /** Remembers a string read in full, so that later references find it. */
  void remember(String s) {
    read.add(s);
  }
}
