package dev.logrca.core.template;

/**
 * Rewrites one token into its template form, replacing each obvious variable inside it with {@code
 * <*>}: a whole token when the token is one value ({@code 10.0.0.1:80}, {@code /var/log}), or the
 * parts of it that are values ({@code uid=0} becomes {@code uid=<*>}, {@code CPU#1} becomes {@code
 * CPU#<*>}).
 */
final class TokenMasker {
  static final String WILDCARD = "<*>";

  private static final String ADJACENT_WILDCARDS = WILDCARD + WILDCARD;

  /** What a socket address as Java prints it ({@code /10.0.0.1:2181}) becomes. */
  private static final String SOCKET = WILDCARD + ":" + WILDCARD;

  /** Characters that wrap a value without being part of it. */
  private static final boolean[] LEADING = ValueShapes.asciiSet("([{<'\":");

  private static final boolean[] TRAILING = ValueShapes.asciiSet(")]}>'\",;:.");

  private static final boolean[] TRAILING_BUT_PERIOD = ValueShapes.asciiSet(")]}>'\",;:");

  /** Characters that separate the parts of a compound token. */
  private static final boolean[] DELIMITERS = ValueShapes.asciiSet(" =,;()[]{}<>'\"#|!?&*@:");

  private static final boolean[] SLASHES = ValueShapes.asciiSet("/\\");

  private static final boolean[] SPACE = ValueShapes.asciiSet(" ");

  /**
   * The delimiters but the colon, tried first: a part joined by colons may be one value ({@code
   * mLp(FF:F2:9F:16:CF:30)}, {@code at=10:30:00}), and is split at its colons only if not.
   */
  private static final boolean[] DELIMITERS_BUT_COLON =
      ValueShapes.asciiSet(" =,;()[]{}<>'\"#|!?&*@");

  private TokenMasker() {}

  /** The token's template form; the token itself when nothing in it is an obvious variable. */
  static String mask(String token) {
    return mask(token, true);
  }

  /**
   * As {@link #mask(String)}; a final period is punctuation only when it can end a sentence (last
   * word, or the next word is capitalised), otherwise it belongs to the value ({@code part-00590.
   * blk_1}).
   */
  static String mask(String token, boolean periodMayEndSentence) {
    return maskWord(token, periodMayEndSentence).mask();
  }

  /** As {@link #mask(String, boolean)}, with the type of the whole token if masking found it. */
  static MaskedWord maskWord(String token, boolean periodMayEndSentence) {
    if (!worthMasking(token)) {
      // typed now, once for the mask cache, rather than each time the word is a parameter
      return new MaskedWord(token, VariableClassifier.typeOf(token), true);
    }
    MaskNote note = new MaskNote();
    String masked =
        !periodMayEndSentence && token.endsWith(".")
            ? maskPiece(token, TRAILING_BUT_PERIOD, note, true)
            : maskPiece(token, TRAILING, note, true);
    if (masked.contains(ADJACENT_WILDCARDS)) {
      // a joined wildcard stands for more than the one value noted
      return note.joinedWord(joinAdjacent(masked));
    }
    return note.word(masked);
  }

  /**
   * Values with nothing between them are one value ({@code BP-1-10.0.0.1-144} reads {@code <*>},
   * not {@code <*><*><*>}): no message could tell where one ends and the next begins.
   */
  private static String joinAdjacent(String masked) {
    String joined = masked;
    while (joined.contains(ADJACENT_WILDCARDS)) {
      joined = joined.replace(ADJACENT_WILDCARDS, WILDCARD);
    }
    return joined;
  }

  /**
   * Only digits, slashes, spans of words, true/false/null and inner points (a host name) can make a
   * token variable.
   */
  private static boolean worthMasking(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if ((c >= '0' && c <= '9') || c == '/' || c == '\\' || c == ' ') {
        return true;
      }
    }
    int dot = token.indexOf('.');
    return token.contains("true")
        || token.contains("false")
        || token.contains("null")
        || (dot > 0 && dot < token.length() - 1);
  }

  /**
   * @param note where to record what masking learns of the token's values
   * @param whole whether the piece is the whole token rather than a part of it
   */
  private static String maskPiece(String piece, boolean[] trailing, MaskNote note, boolean whole) {
    if (whole && BracketedWords.isList(piece)) {
      // a bracketed list is masked word by word, as Loghub's truth writes it ([TERM, HUP,
      // INT] stays, [10.0.0.1:50010, 10.0.0.2:50010] reads [<*>, <*>]); still one token, so the
      // count of its items can only ever make that one token vary
      note.wholeType(VariableType.LIST);
      return splitAndMask(piece, SPACE, note);
    }
    if (piece.indexOf(' ') > 0 && !isQuote(piece.charAt(0)) && !isByteCount(piece)) {
      VariableType span = VariableClassifier.typeOf(piece);
      if (whole) {
        note.wholeType(span);
      }
      if (span != null) {
        note.value(span);
        return WILDCARD;
      }
    }
    int start = 0;
    int end = piece.length();
    while (start < end && in(LEADING, piece.charAt(start))) {
      start++;
    }
    while (end > start && in(trailing, piece.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return piece;
    }
    if (start > 0 && isQuote(piece.charAt(start - 1)) && piece.indexOf(' ', start) >= 0) {
      // a quoted string of several words is one value, its quotes are not; an upper-case keyword
      // leading it ("GET /index.html HTTP/1.1", "SELECT * FROM t") names its kind
      int space = piece.indexOf(' ', start);
      String keyword = piece.substring(start, space);
      if (SimilarTemplates.isConstant(keyword)) {
        note.value(null);
        return framed(piece, space + 1, end, WILDCARD, null);
      }
      note.value(null);
      return framed(piece, start, end, WILDCARD, null);
    }
    String core = piece.substring(start, end);
    // a socket address as Java prints it, /10.0.0.1:2181: address and port apart
    if (core.charAt(0) == '/' && core.indexOf(':') > 0 && ValueShapes.isSlashSocket(core)) {
      note.value(null);
      note.value(null);
      return framed(piece, start, end, SOCKET, null);
    }
    VariableType type = VariableClassifier.typeOf(core);
    if (whole && start == 0 && end == piece.length()) {
      note.wholeType(type);
    }
    // a name, then dots or a dash, then a counter or version (core.2275, jetty-6.1.26): the name is
    // text, the number a value
    if (type == VariableType.ID && ValueShapes.isNameThenNumber(core)) {
      note.value(null);
      return framed(piece, start, end, core.substring(0, numberStart(core)), WILDCARD);
    }
    if (type == VariableType.SIZE && isByteCount(core)) {
      note.value(null);
      return framed(piece, start, end, WILDCARD, core.substring(core.indexOf(' ')));
    }
    if (type != null) {
      // the one case where the value is exactly what was classified: the core
      note.value(type);
      return framed(piece, start, end, WILDCARD, null);
    }
    if (dots(core) >= 3 && embeddedAddressFrom(core, 0) >= 0) {
      return framed(piece, start, end, maskAround(core, note), null);
    }
    if (hasAny(core, DELIMITERS_BUT_COLON)) {
      return framed(piece, start, end, splitAndMask(core, DELIMITERS_BUT_COLON, note), null);
    }
    if (hasAny(core, DELIMITERS)) {
      return framed(piece, start, end, splitAndMask(core, DELIMITERS, note), null);
    }
    if (core.indexOf('/') >= 0 || core.indexOf('\\') >= 0) {
      return framed(piece, start, end, splitAndMask(core, SLASHES, note), null);
    }
    return piece;
  }

  /**
   * The piece with its characters from {@code start} to {@code end} replaced by {@code middle} and
   * then {@code more} (if not null): one builder of the right size, where each case of {@link
   * #maskPiece} cut out its lead and trail and concatenated them; a wildcard for the whole piece is
   * the constant itself.
   */
  private static String framed(String piece, int start, int end, String middle, String more) {
    if (start == 0 && end == piece.length() && more == null) {
      return middle;
    }
    int length =
        start + middle.length() + (more == null ? 0 : more.length()) + piece.length() - end;
    StringBuilder out = new StringBuilder(length).append(piece, 0, start).append(middle);
    if (more != null) {
      out.append(more);
    }
    return out.append(piece, end, piece.length()).toString();
  }

  /**
   * A whole count in the base unit ({@code 3923 bytes}) keeps its unit as a word of the sentence; a
   * size scaled for people ({@code 5.2 KB}, {@code 1190 bytes (1.16 KB)}) is one value.
   */
  private static boolean isByteCount(String core) {
    int space = core.indexOf(' ');
    if (space < 0 || core.indexOf(' ', space + 1) >= 0) {
      return false;
    }
    String unit = core.substring(space + 1);
    return (unit.equals("bytes") || unit.equals("B")) && core.lastIndexOf('.', space) < 0;
  }

  /** Where the trailing number of a {@link ValueShapes#isNameThenNumber} token starts. */
  private static int numberStart(String core) {
    int i = digitsBefore(core, core.length());
    // a version's inner points join its parts; a run of points ("L3.......0") leads to the value
    while (i > 1 && core.charAt(i - 1) == '.' && Character.isDigit(core.charAt(i - 2))) {
      int before = digitsBefore(core, i - 1);
      if (before > 0 && core.charAt(before - 1) != '.' && core.charAt(before - 1) != '-') {
        break;
      }
      i = before;
    }
    return i;
  }

  private static int digitsBefore(String text, int end) {
    int i = end;
    while (i > 0 && Character.isDigit(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Where the first IPv4 address standing apart in {@code core} from {@code from} on starts. */
  private static int embeddedAddressFrom(String core, int from) {
    for (int p = from; p < core.length(); p++) {
      if (AddressShapes.embeddedIpv4End(core, p) >= 0) {
        return p;
      }
    }
    return -1;
  }

  /** Masks every IPv4 address standing apart in {@code core}, and what is between them. */
  private static String maskAround(String core, MaskNote note) {
    StringBuilder out = new StringBuilder(core.length());
    int last = 0;
    for (int start = embeddedAddressFrom(core, 0);
        start >= 0;
        start = embeddedAddressFrom(core, last)) {
      if (start > last) {
        out.append(maskPiece(core.substring(last, start), TRAILING, note, false));
      }
      note.value(null);
      out.append(WILDCARD);
      last = AddressShapes.embeddedIpv4End(core, start);
    }
    if (last < core.length()) {
      out.append(maskPiece(core.substring(last), TRAILING, note, false));
    }
    return out.toString();
  }

  private static String splitAndMask(String core, boolean[] delimiters, MaskNote note) {
    StringBuilder out = new StringBuilder(core.length());
    int partStart = 0;
    for (int i = 0; i <= core.length(); i++) {
      if (i == core.length() || in(delimiters, core.charAt(i))) {
        if (i > partStart) {
          out.append(maskPiece(core.substring(partStart, i), TRAILING, note, false));
        }
        if (i < core.length()) {
          out.append(core.charAt(i));
        }
        partStart = i + 1;
      }
    }
    return out.toString();
  }

  private static int dots(String text) {
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.') {
        dots++;
      }
    }
    return dots;
  }

  private static boolean hasAny(String text, boolean[] chars) {
    for (int i = 0; i < text.length(); i++) {
      if (in(chars, text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(boolean[] set, char c) {
    return c < 128 && set[c];
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }
}
