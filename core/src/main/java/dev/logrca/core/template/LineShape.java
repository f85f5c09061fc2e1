package dev.logrca.core.template;

import java.util.List;

/**
 * What mining one message that changed nothing found, kept for the next messages of its {@link
 * LineSkeleton}: they join the same template, with the same parameter types, and their parameters
 * are their characters where the exemplar's were. Words whose template form keeps a digit ({@code
 * tty2}) must read as the exemplar's did, since their digits are part of the template.
 */
final class LineShape {
  private final char[] skeleton;
  private final String exemplar;
  private final Cluster cluster;
  private final MiningResult result;

  /** The ranges, as start and end pairs, that must read exactly as the exemplar's. */
  private final int[] verbatim;

  /** Each parameter's range in the message, as start and end pairs. */
  private final int[] parameters;

  LineShape(
      char[] skeleton,
      String exemplar,
      Cluster cluster,
      MiningResult result,
      int[] verbatim,
      int[] parameters) {
    this.skeleton = skeleton;
    this.exemplar = exemplar;
    this.cluster = cluster;
    this.result = result;
    this.verbatim = verbatim;
    this.parameters = parameters;
  }

  char[] skeleton() {
    return skeleton;
  }

  Cluster cluster() {
    return cluster;
  }

  /**
   * The result of {@code message}, whose skeleton is this shape's; null when a word that must read
   * as the exemplar's does not.
   */
  MiningResult answer(String message) {
    for (int i = 0; i < verbatim.length; i += 2) {
      int from = verbatim[i];
      if (!message.regionMatches(from, exemplar, from, verbatim[i + 1] - from)) {
        return null;
      }
    }
    if (parameters.length == 0) {
      return result;
    }
    String[] values = new String[parameters.length / 2];
    for (int v = 0; v < values.length; v++) {
      values[v] = message.substring(parameters[2 * v], parameters[2 * v + 1]);
    }
    return new MiningResult(
        result.templateId(),
        result.template(),
        List.of(values),
        result.parameterTypes(),
        false,
        false,
        null);
  }
}
