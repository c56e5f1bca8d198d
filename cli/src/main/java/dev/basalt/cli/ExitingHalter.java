package dev.basalt.cli;

import dev.basalt.adapters.ring.Halter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halts the process after a fatal ring error: logs the reason and exits with status 70 from a
 * fresh thread (the failing ring thread must not run the shutdown hooks itself).
 */
final class ExitingHalter implements Halter {
  private static final Logger LOG = LoggerFactory.getLogger(ExitingHalter.class);
  static final int EXIT_HALTED = 70;

  @Override
  public void halt(String reason, Throwable cause) {
    LOG.error("FATAL: node halted: {}. The journal holds the failing event; reproduce with `basalt replay verify`.", reason, cause);
    Thread exit = new Thread(() -> System.exit(EXIT_HALTED), "basalt-halt");
    exit.start();
  }
}
