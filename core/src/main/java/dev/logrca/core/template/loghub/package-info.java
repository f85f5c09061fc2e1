/**
 * Log parsing in the Loghub benchmark's terms: a raw log split by a header format into fields and
 * {@code Content}, mined in one pass and written in a second as a structured CSV ({@code LineId},
 * the header fields, {@code Content}, {@code EventId}, {@code EventTemplate}), and such CSVs read
 * back and scored against ground truth with {@link dev.logrca.core.template.ParsingEvaluator}.
 *
 * <p>{@link dev.logrca.core.template.loghub.MinedFile} keeps one int per line (the template id it
 * got), so a file of any length is parsed in the memory of the miner plus 4 bytes a line.
 */
package dev.logrca.core.template.loghub;
