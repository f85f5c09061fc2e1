package dev.logrca.core.template.loghub;

/**
 * A raw line split into the columns of its {@link LineSplitter}, and whether the header format
 * matched it (a line that does not match has empty header fields and the whole line as content).
 */
public record SplitLine(String[] columns, String content, boolean matched) {}
