package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Holds what keeps the warm path compiled apart from the rest of mining: the JIT must not inline
 * {@code mineAfresh} into {@code mine}, or the first line of a new kind throws the warm path's
 * compiled code away with it (see {@link TemplateMiner}).
 */
class TemplateMinerCompilationTest {
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s+(\\d+): ", Pattern.MULTILINE);

  @Test
  void theRestOfMiningIsTooLargeToBeInlined() throws Exception {
    assertThat(bytecodeLength("mineAfresh")).isGreaterThan(TemplateMiner.INLINE_LIMIT);
  }

  /** The bytes of bytecode of a method of {@link TemplateMiner}, read by {@code javap}. */
  private static int bytecodeLength(String method) throws Exception {
    Path classes =
        Path.of(TemplateMiner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    int exit =
        ToolProvider.findFirst("javap")
            .orElseThrow()
            .run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "-c",
                "-p",
                "-cp",
                classes.toString(),
                TemplateMiner.class.getName());
    assertThat(exit).isZero();
    String listing = out.toString();
    int start = listing.indexOf(" " + method + "(");
    assertThat(start).as("javap lists %s", method).isPositive();
    int end = listing.indexOf("\n\n", start);
    Matcher instruction = INSTRUCTION.matcher(listing.substring(start, end));
    int last = -1;
    while (instruction.find()) {
      last = Integer.parseInt(instruction.group(1));
    }
    return last + 1; // the last instruction, a return, is one byte
  }
}
