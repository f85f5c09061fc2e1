package dev.logrca.core.detect.session;

/**
 * A detector fitted on unlabelled sessions (each detector's {@code fit} or {@code mine} returns
 * one): it judges one session at a time and never changes while judging.
 */
public interface SessionDetector {
  /** The name operators see in reports ({@code invariants}, {@code pca}, ...). */
  String name();

  /** The verdict on {@code session}, which need not be from the training set. */
  Verdict judge(Session session);
}
