package dev.logrca.core.decode;

/** Allocation-free character tests and number reading for the timestamp scanner. */
final class TextDigits {
  private TextDigits() {}

  static int fractionNanos(String s, int from, int length) {
    int value = 0;
    for (int i = 0; i < 9; i++) {
      value = value * 10 + (i < length ? s.charAt(from + i) - '0' : 0);
    }
    return value;
  }

  static int twoDigitYear(int yy) {
    return yy < 70 ? 2000 + yy : 1900 + yy;
  }

  /** 1..12 for a three-letter English month name in any case at {@code p}, else 0. */
  static int monthName(String s, int p) {
    if (p + 3 > s.length()) {
      return 0;
    }
    int key = (lower(s.charAt(p)) << 16) | (lower(s.charAt(p + 1)) << 8) | lower(s.charAt(p + 2));
    return switch (key) {
      case ('j' << 16) | ('a' << 8) | 'n' -> 1;
      case ('f' << 16) | ('e' << 8) | 'b' -> 2;
      case ('m' << 16) | ('a' << 8) | 'r' -> 3;
      case ('a' << 16) | ('p' << 8) | 'r' -> 4;
      case ('m' << 16) | ('a' << 8) | 'y' -> 5;
      case ('j' << 16) | ('u' << 8) | 'n' -> 6;
      case ('j' << 16) | ('u' << 8) | 'l' -> 7;
      case ('a' << 16) | ('u' << 8) | 'g' -> 8;
      case ('s' << 16) | ('e' << 8) | 'p' -> 9;
      case ('o' << 16) | ('c' << 8) | 't' -> 10;
      case ('n' << 16) | ('o' << 8) | 'v' -> 11;
      case ('d' << 16) | ('e' << 8) | 'c' -> 12;
      default -> 0;
    };
  }

  static boolean isWeekday(String s, int p) {
    if (p + 3 > s.length()) {
      return false;
    }
    int key = (lower(s.charAt(p)) << 16) | (lower(s.charAt(p + 1)) << 8) | lower(s.charAt(p + 2));
    return key == word("mon")
        || key == word("tue")
        || key == word("wed")
        || key == word("thu")
        || key == word("fri")
        || key == word("sat")
        || key == word("sun");
  }

  static int word(String threeLetters) {
    return (threeLetters.charAt(0) << 16) | (threeLetters.charAt(1) << 8) | threeLetters.charAt(2);
  }

  static int lower(char c) {
    return c | 0x20;
  }

  static int digitRun(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  static int number(String s, int from, int length) {
    int v = 0;
    for (int i = from; i < from + length; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  static char charAt(String s, int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
