package dev.basalt.replay;

/**
 * Told how far a long replay has got. Called on the replay thread every few thousand events, so an
 * implementation must be cheap and throttle any output itself.
 */
public interface ProgressListener {
  ProgressListener NONE = (done, total, elapsedNanos) -> {};

  /**
   * @param done events applied so far
   * @param total events the replay will apply when it runs to the end (0 when unknown)
   */
  void progress(long done, long total, long elapsedNanos);

  /** The replay ended (for whatever reason); clear anything drawn. */
  default void finish() {}
}
