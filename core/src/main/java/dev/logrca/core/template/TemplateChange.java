package dev.logrca.core.template;

import java.util.List;

/**
 * A template born, generalised or merged by one message: what a reader of the miner's templates (an
 * index, a search) must update. A change carries the template's whole current picture, so the
 * latest change of an id alone says everything about it.
 *
 * @param templateId the id of the template that stands after the change (a merge's survivor)
 * @param previousText its text before the message, or null when the message gave birth to it
 * @param text its text now, with {@code <*>} for each variable part
 * @param retiredIds every id merged into this template so far, ascending; each resolves to it
 * @param matchCount how many messages the template has matched, its retired ids' included
 */
public record TemplateChange(
    int templateId, String previousText, String text, List<Integer> retiredIds, long matchCount) {

  public TemplateChange {
    retiredIds = List.copyOf(retiredIds);
  }

  /** True when the message gave birth to the template. */
  public boolean born() {
    return previousText == null;
  }

  /** True when the template's text differs from what it was before the message. */
  public boolean textChanged() {
    return previousText != null && !previousText.equals(text);
  }
}
