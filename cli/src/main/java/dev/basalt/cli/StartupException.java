package dev.basalt.cli;

/**
 * Why the node cannot start, in one line for the operator, with the process exit status: 2 for
 * a command line that cannot work (missing or conflicting flags), 1 for everything found wrong
 * while starting (chain config, JWT secret, engine handshake, data directory).
 */
final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int USAGE = 2;
  static final int FAILED = 1;

  private final int exitCode;

  StartupException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static StartupException usage(String message) {
    return new StartupException(USAGE, message);
  }

  static StartupException failed(String message) {
    return new StartupException(FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
