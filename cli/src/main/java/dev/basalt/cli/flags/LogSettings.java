package dev.basalt.cli.flags;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the node logs.
 *
 * @param level the root level name ({@code trace} .. {@code error}, {@code off})
 * @param stdoutQuiet no console output
 * @param fileDirectory where {@code basalt.log} goes, empty for no file logs
 * @param maxFileBytes roll the file over at this size as well, 0 for no size limit
 * @param maxFiles with time rotation, the rolled periods to keep (0 keeps all); with size rotation
 *     alone, the numbered files to keep (0 means {@link #DEFAULT_SIZE_ROLLED_FILES})
 */
public record LogSettings(String level, boolean stdoutQuiet, LogFormat stdoutFormat, Optional<Path> fileDirectory,
    LogFormat fileFormat, LogRotation rotation, long maxFileBytes, int maxFiles) {

  /** The file the node writes in {@link #fileDirectory} (kona writes {@code kona.log}). */
  public static final String FILE_NAME = "basalt.log";

  /** Numbered files kept by size rotation alone when {@code --logs.file.max-files} is 0. */
  public static final int DEFAULT_SIZE_ROLLED_FILES = 7;

  /** Logback's bound on numbered files of one size-rolled log. */
  public static final int MAX_SIZE_ROLLED_FILES = 20;
}
