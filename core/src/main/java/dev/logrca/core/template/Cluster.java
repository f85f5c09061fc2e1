package dev.logrca.core.template;

/** One template while it is being mined: its stable id, current tokens and where it lives. */
final class Cluster {
  final int id;
  final LogShape shape;
  String[] tokens;
  long size;
  PrefixTree.Node leaf;
  private String text;

  Cluster(int id, LogShape shape, String[] tokens, long size) {
    this.id = id;
    this.shape = shape;
    this.tokens = tokens;
    this.size = size;
  }

  String text() {
    if (text == null) {
      text = String.join(shape.joiner(), tokens);
    }
    return text;
  }

  void replaceTokens(String[] generalised) {
    tokens = generalised;
    text = null;
  }

  Template view() {
    return new Template(id, text(), size);
  }
}
