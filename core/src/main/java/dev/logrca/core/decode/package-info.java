/**
 * Input decoding: every input line becomes exactly one {@link dev.logrca.core.model.LogRecord}.
 *
 * <p>{@link dev.logrca.core.decode.LineReader} reads a stream's lines with exact byte offsets (for
 * checkpoints) and flags truncated or invalid UTF-8 lines; {@link
 * dev.logrca.core.decode.LineDecoder}, one per source, picks the JSON decoder, the source's {@link
 * dev.logrca.core.decode.HeaderFormat} or the plain-text decoder, and lets lines without a
 * timestamp inherit their predecessor's. Nothing is dropped: a line that cannot be decoded keeps
 * its raw text and says why in {@code decodeError}. Tested on real Loghub lines under {@code
 * src/test/resources/decode/}.
 */
package dev.logrca.core.decode;
