package dev.logrca.core.template;

/**
 * Java class paths as variables: two classes of one package ({@code org.example.job.JobEvent},
 * {@code org.example.job.TaskEvent$Type}) printed at one place are one variable, the package its
 * text.
 */
final class ClassNames {
  private static final String WILDCARD_SEGMENT = "." + TokenMasker.WILDCARD;

  /** Package segments two classes must share to be taken for one variable. */
  private static final int SHARED_SEGMENTS = 2;

  private ClassNames() {}

  /**
   * The template token covering both when {@code a} and {@code b} are class paths, or a class path
   * and a package followed by {@code .<*>}, in the same package: that package, then {@code .<*>}.
   * Null when they are not, or are the same.
   */
  static String samePackage(String a, String b) {
    if (a.equals(b) || a.indexOf('.') < 0 || b.indexOf('.') < 0) {
      return null;
    }
    int leadA = wrapperLength(a);
    int trailA = trailerLength(a);
    if (leadA != wrapperLength(b)
        || trailA != trailerLength(b)
        || !a.regionMatches(0, b, 0, leadA)
        || !a.regionMatches(a.length() - trailA, b, b.length() - trailA, trailA)) {
      return null;
    }
    String[] segmentsA = segments(a.substring(leadA, a.length() - trailA));
    String[] segmentsB = segments(b.substring(leadA, b.length() - trailA));
    if (segmentsA == null || segmentsB == null) {
      return null;
    }
    int shared = 0;
    int max = Math.min(segmentsA.length, segmentsB.length) - 1;
    while (shared < max && segmentsA[shared].equals(segmentsB[shared])) {
      shared++;
    }
    if (shared < SHARED_SEGMENTS || bothConstants(segmentsA, segmentsB)) {
      return null;
    }
    StringBuilder out = new StringBuilder(a.substring(0, leadA));
    for (int i = 0; i < shared; i++) {
      out.append(segmentsA[i]).append('.');
    }
    return out.append(TokenMasker.WILDCARD).append(a.substring(a.length() - trailA)).toString();
  }

  /**
   * The dot-separated Java identifiers of a class path, the last one possibly {@code <*>}; null
   * when the text is not one, or is not qualified by at least a package and a class.
   */
  private static String[] segments(String path) {
    String body = path.endsWith(WILDCARD_SEGMENT) ? path.substring(0, path.length() - 3) : path;
    String[] parts = body.split("\\.", -1);
    if (parts.length < SHARED_SEGMENTS + (body == path ? 1 : 0)) {
      return null;
    }
    for (String part : parts) {
      if (!isIdentifier(part)) {
        return null;
      }
    }
    if (body != path) {
      String[] withWildcard = java.util.Arrays.copyOf(parts, parts.length + 1);
      withWildcard[parts.length] = TokenMasker.WILDCARD;
      return withWildcard;
    }
    return parts;
  }

  /** {@code android.intent.action.SCREEN_ON} and {@code ...SCREEN_OFF} are two named events. */
  private static boolean bothConstants(String[] a, String[] b) {
    return SimilarTemplates.isConstant(a[a.length - 1])
        && SimilarTemplates.isConstant(b[b.length - 1]);
  }

  private static boolean isIdentifier(String part) {
    if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
      return false;
    }
    for (int i = 1; i < part.length(); i++) {
      if (!Character.isJavaIdentifierPart(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int wrapperLength(String token) {
    int i = 0;
    while (i < token.length() && "([{<'\"".indexOf(token.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static int trailerLength(String token) {
    int i = 0;
    while (i < token.length() && ")]}>'\",;:".indexOf(token.charAt(token.length() - 1 - i)) >= 0) {
      i++;
    }
    return i;
  }
}
