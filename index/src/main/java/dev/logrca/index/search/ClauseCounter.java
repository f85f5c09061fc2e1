package dev.logrca.index.search;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/** Counts the leaves of a query (terms, patterns, ranges), the measure of its cost limit. */
final class ClauseCounter extends QueryVisitor {
  private int count;

  static int count(Query query) {
    ClauseCounter counter = new ClauseCounter();
    query.visit(counter);
    return counter.count;
  }

  @Override
  public void consumeTerms(Query query, Term... terms) {
    count += terms.length;
  }

  @Override
  public void consumeTermsMatching(
      Query query, String field, Supplier<ByteRunAutomaton> automaton) {
    count++;
  }

  @Override
  public void visitLeaf(Query query) {
    count++;
  }

  @Override
  public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
    return this;
  }
}
