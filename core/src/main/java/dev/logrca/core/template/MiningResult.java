package dev.logrca.core.template;

import java.util.List;
import java.util.Optional;

/**
 * What the miner made of one message: its template's id and text, the values of the template's
 * {@code <*>} parts in order, whether the template was born or generalised by this message, and the
 * {@link TemplateChange} to publish when the message gave birth to a template, changed its text or
 * merged templates (null otherwise).
 */
public record MiningResult(
    int templateId,
    String template,
    List<String> parameters,
    List<VariableType> parameterTypes,
    boolean created,
    boolean changed,
    TemplateChange templateChange) {

  public MiningResult {
    parameters = List.copyOf(parameters);
    parameterTypes = List.copyOf(parameterTypes);
    if (parameters.size() != parameterTypes.size()) {
      throw new IllegalArgumentException("one type per parameter");
    }
  }

  /** A result that changed no template anyone has published. */
  public MiningResult(
      int templateId,
      String template,
      List<String> parameters,
      List<VariableType> parameterTypes,
      boolean created,
      boolean changed) {
    this(templateId, template, parameters, parameterTypes, created, changed, null);
  }

  /** The change this message made to the templates, if any. */
  public Optional<TemplateChange> change() {
    return Optional.ofNullable(templateChange);
  }
}
