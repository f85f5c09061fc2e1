package dev.logrca.flink.source;

import java.io.Serializable;

/**
 * One input file and how to read it.
 *
 * @param path absolute path of the file
 * @param service the service its lines belong to unless a line names its own
 * @param headerFormat the logparser-style header format of its lines, or null to recognise common
 *     shapes
 */
public record LogFile(String path, String service, String headerFormat) implements Serializable {}
