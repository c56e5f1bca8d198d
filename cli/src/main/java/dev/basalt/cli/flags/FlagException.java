package dev.basalt.cli.flags;

/** A command line that cannot work, in one line naming the flag and the fix (exit status 2). */
public final class FlagException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlagException(String message) {
    super(message);
  }
}
