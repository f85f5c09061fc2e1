package dev.logrca.core.decode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A header format in the logparser convention: {@code <Name>} captures a field, {@code <Content>}
 * is the message, other text is a regular-expression fragment and a run of spaces matches any run
 * of whitespace. Immutable and thread-safe.
 */
public final class HeaderFormat {
  /** The field that holds the message. */
  public static final String CONTENT = "Content";

  private static final Pattern FIELD = Pattern.compile("<([^<>]+)>");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SPACES = Pattern.compile(" +");

  /**
   * Lazy fields make a non-matching line backtrack over every split of its words; this caps the
   * work per character so that one hostile line cannot stall a source.
   */
  private static final int STEPS_PER_CHAR = 400;

  private final String format;
  private final Pattern pattern;
  private final List<String> fieldNames;
  private final String[] groupNames;

  private HeaderFormat(String format, Pattern pattern, List<String> fieldNames) {
    this.format = format;
    this.pattern = pattern;
    this.fieldNames = List.copyOf(fieldNames);
    this.groupNames = new String[fieldNames.size()];
    for (int i = 0; i < groupNames.length; i++) {
      groupNames[i] = groupName(i);
    }
  }

  private static String groupName(int field) {
    return "f" + field;
  }

  /**
   * Compiles {@code format}.
   *
   * @throws IllegalArgumentException when the format is blank, names no field, names a field twice
   *     or with characters other than letters, digits and '_', or has an invalid regular expression
   *     fragment
   */
  public static HeaderFormat compile(String format) {
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("header format is empty");
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = FIELD.matcher(format);
    int last = 0;
    while (m.find()) {
      regex.append(SPACES.matcher(format.substring(last, m.start())).replaceAll("\\\\s+"));
      String name = m.group(1);
      if (!FIELD_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "header format field <" + name + "> must be letters, digits or '_': " + format);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "header format names field <" + name + "> twice: " + format);
      }
      // group names are generated: field names may not be valid Java group names
      regex.append("(?<").append(groupName(names.size())).append(">.*?)");
      names.add(name);
      last = m.end();
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("header format names no <Field>: " + format);
    }
    regex.append(SPACES.matcher(format.substring(last)).replaceAll("\\\\s+")).append('$');
    try {
      return new HeaderFormat(format, Pattern.compile(regex.toString(), Pattern.DOTALL), names);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "header format is not a valid pattern: " + format + " (" + e.getDescription() + ")", e);
    }
  }

  /**
   * Matches a line (without its leading and trailing whitespace, as logparser does) and returns its
   * fields in format order, {@code Content} included; a field inside an optional part that did not
   * take part is left out. Empty when the line does not match.
   */
  public Optional<Map<String, String>> match(String line) {
    String text = line.strip();
    Matcher m =
        pattern.matcher(new BoundedText(text, (long) STEPS_PER_CHAR * text.length() + 4096));
    try {
      if (!m.matches()) {
        return Optional.empty();
      }
    } catch (BoundedText.BudgetExceeded e) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      String value = m.group(groupNames[i]);
      if (value != null) {
        fields.put(fieldNames.get(i), value);
      }
    }
    return Optional.of(fields);
  }

  /** The field names in the order the format names them. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** True when the format has a {@code <Content>} field. */
  public boolean hasContent() {
    return fieldNames.contains(CONTENT);
  }

  @Override
  public String toString() {
    return format;
  }

  /** Text that stops a regex match after a budget of character reads. */
  private static final class BoundedText implements CharSequence {
    private final String text;
    private long budget;

    BoundedText(String text, long budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }

    /** Thrown from inside the matcher; carries no stack trace, it is control flow. */
    static final class BudgetExceeded extends RuntimeException {
      BudgetExceeded() {
        super("header match budget exceeded", null, false, false);
      }
    }
  }
}
