package dev.logrca.core.template;

import java.util.List;

/**
 * What the miner made of one message: its template's id and text, the values of the template's
 * {@code <*>} parts in order, and whether the template was born or generalised by this message.
 */
public record MiningResult(
    int templateId,
    String template,
    List<String> parameters,
    List<VariableType> parameterTypes,
    boolean created,
    boolean changed) {

  public MiningResult {
    parameters = List.copyOf(parameters);
    parameterTypes = List.copyOf(parameterTypes);
    if (parameters.size() != parameterTypes.size()) {
      throw new IllegalArgumentException("one type per parameter");
    }
  }
}
