package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words found in place: their offsets, their text, and the kinds of character they hold. */
class WordsTest {

  @Test
  void findsTheWordsBetweenAnyWhitespace() {
    Words words = Words.of("  Received\tblock  blk_-42 of size 67108864 ");

    List<String> texts = new ArrayList<>();
    for (int w = 0; w < words.count(); w++) {
      texts.add(words.text(w));
    }
    assertThat(texts).containsExactly("Received", "block", "blk_-42", "of", "size", "67108864");
    assertThat(words.start(1)).isEqualTo(11);
    assertThat(words.end(1)).isEqualTo(16);
    assertThat(words.is(2, "blk_-42")).isTrue();
    assertThat(words.is(2, "blk_-4")).isFalse();
  }

  @Test
  void recordsTheKindsOfCharacterEachWordHas() {
    Words words = Words.of("1.5 blk_-42 'quoted [list µs");

    assertThat(words.kinds(0)).isEqualTo(Words.DIGIT | Words.POINT);
    assertThat(words.kinds(1)).isEqualTo(Words.LETTER | Words.JOINER | Words.DIGIT);
    assertThat(words.kinds(2) & Words.OPENING).isNotZero();
    assertThat(words.kinds(3) & Words.OPENING).isNotZero();
    assertThat(words.kinds(4)).isEqualTo(Words.OTHER | Words.LETTER);
  }

  @Test
  void isReusableFromMessageToMessage() {
    Words words = new Words();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append("w").append(i).append(' ');
    }
    words.scan(many.toString());
    assertThat(words.count()).isEqualTo(100);
    assertThat(words.text(99)).isEqualTo("w99");

    words.scan("short one");
    assertThat(words.count()).isEqualTo(2);
    assertThat(words.text(1)).isEqualTo("one");
  }

  @Test
  void tokenisesAsTheWordsDoWhenNoValueSpansWords() {
    PlainTokenizer tokenizer = new PlainTokenizer(32);

    assertThat(tokenizer.tokenize("Deleting block blk_1 blk_2 blk_3 file /x").words())
        .containsExactly("Deleting", "block", "blk_1 blk_2 blk_3", "file", "/x");
    assertThat(tokenizer.tokenize("sent 1190 bytes (1.16 KB) in <1 ms").words())
        .containsExactly("sent", "1190 bytes (1.16 KB)", "in", "<1 ms");
    assertThat(tokenizer.tokenize("at Sat May 8 09:04:50 EDT 2004 done").words())
        .containsExactly("at", "Sat May 8 09:04:50 EDT 2004", "done");
  }
}
