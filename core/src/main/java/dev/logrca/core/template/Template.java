package dev.logrca.core.template;

/**
 * A template as the miner currently knows it: its stable id, its text with {@code <*>} for each
 * variable part, and how many messages it has matched.
 */
public record Template(int id, String text, long matchCount) {}
