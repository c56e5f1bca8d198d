package dev.basalt.cli.tools;

/** Exit codes of the operator tools; scripts depend on them, so never renumber. */
public final class ToolExit {
  /** Decoded; the JSON is on standard output. */
  public static final int OK = 0;
  /** Decoded, but a check asked for with {@code --check} failed (block-hash). */
  public static final int MISMATCH = 1;
  /** The input is not what the command reads, or the arguments are wrong (also picocli's usage code). */
  public static final int BAD_INPUT = 2;
  /** Anything unforeseen: a bug in the tool or a decoder (stack trace on standard error). */
  public static final int INTERNAL = 4;

  private ToolExit() {}
}
