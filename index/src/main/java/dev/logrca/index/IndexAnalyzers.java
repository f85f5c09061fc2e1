package dev.logrca.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The one analyzer of both indices, used by the writers and the query parser alike: text fields
 * split into words, level, decodeFailed and status match in any case, every other field matches
 * exactly.
 */
public final class IndexAnalyzers {
  private IndexAnalyzers() {}

  /** A new analyzer; each writer or parser holds its own. */
  public static Analyzer create() {
    Map<String, Analyzer> perField = new HashMap<>();
    Analyzer words = new LogTextAnalyzer();
    for (String field : IndexFields.TEXT_FIELDS) {
      perField.put(field, words);
    }
    perField.put(IndexFields.LEVEL, new CaseFoldingKeywordAnalyzer(true));
    perField.put(IndexFields.DECODE_FAILED, new CaseFoldingKeywordAnalyzer(false));
    perField.put(IndexFields.STATUS, new CaseFoldingKeywordAnalyzer(false));
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }

  /** A whole value as one term, folded to one case so that {@code level:error} finds ERROR. */
  private static final class CaseFoldingKeywordAnalyzer extends Analyzer {
    private final boolean upper;

    CaseFoldingKeywordAnalyzer(boolean upper) {
      this.upper = upper;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KeywordTokenizer tokenizer = new KeywordTokenizer();
      return new TokenStreamComponents(tokenizer, fold(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return fold(in);
    }

    private TokenStream fold(TokenStream in) {
      return upper ? new UpperCaseFilter(in) : new LowerCaseFilter(in);
    }
  }
}
