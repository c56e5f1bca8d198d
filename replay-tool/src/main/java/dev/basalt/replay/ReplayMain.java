package dev.basalt.replay;

import dev.basalt.replay.cli.JournalOpener;
import dev.basalt.replay.cli.ReplayCommand;

/** Runs the replay tool on its own: {@code java -cp ... dev.basalt.replay.ReplayMain verify DIR}. */
public final class ReplayMain {
  private ReplayMain() {}

  public static void main(String[] args) {
    System.exit(ReplayCommand.commandLine(JournalOpener.ON_DISK).execute(args));
  }
}
