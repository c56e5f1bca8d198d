package dev.basalt.adapters.ring;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Turns any exception in a ring stage into a node halt. It rethrows after halting so the stage's
 * thread stops on the failing event: the Disruptor would otherwise advance past it (skipping the
 * event) or leave the ring silently stalled.
 */
final class HaltingExceptionHandler implements ExceptionHandler<RingSlot> {
  private final Halter halter;

  HaltingExceptionHandler(Halter halter) {
    this.halter = halter;
  }

  @Override
  public void handleEventException(Throwable ex, long sequence, RingSlot slot) {
    String event = slot == null || slot.event == null ? "?" : slot.event.getClass().getSimpleName();
    long seq = slot == null ? -1 : slot.seq;
    String reason =
        "ring stage failed on ring sequence " + sequence + ", journal seq " + seq + " (" + event + "): " + ex;
    halter.halt(reason, ex);
    throw new RingHaltedException(reason, ex);
  }

  @Override
  public void handleOnStartException(Throwable ex) {
    halter.halt("ring stage failed to start: " + ex, ex);
  }

  @Override
  public void handleOnShutdownException(Throwable ex) {
    halter.halt("ring stage failed to shut down: " + ex, ex);
  }

  /** Stops the failing stage's thread. */
  static final class RingHaltedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RingHaltedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
