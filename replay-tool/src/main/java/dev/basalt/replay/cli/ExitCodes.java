package dev.basalt.replay.cli;

/** Exit codes of the replay commands; scripts depend on them, so never renumber. */
public final class ExitCodes {
  /** Identical (verify, diff), or the command did what was asked. */
  public static final int OK = 0;
  /** The replay diverged from the recording, or the two journals differ. */
  public static final int DIFFERENT = 1;
  /**
   * The journal could not be read: I/O error, corrupt record, missing snapshot, bad range; also
   * picocli's code for a usage error.
   */
  public static final int UNREADABLE = 2;
  /** The core threw while replaying: a bug in the core. */
  public static final int CORE_FAILED = 3;
  /** Anything unforeseen: a bug in the replay tool or the journal reader (stack trace on stderr). */
  public static final int TOOL_FAILED = 4;

  private ExitCodes() {}
}
