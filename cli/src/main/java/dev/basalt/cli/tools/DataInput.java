package dev.basalt.cli.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The input options every decode command shares: {@code --hex HEX} on the command line, or
 * {@code --file FILE} (binary or hex text, detected; {@code -} reads standard input). {@code --hex}
 * without a value, next to {@code --file}, insists that the file is hex text.
 */
final class DataInput {
  /** Picocli's value for a bare {@code --hex}; nobody types a NUL on a command line. */
  private static final String FILE_IS_HEX = "\u0000file-is-hex";

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Read the input from FILE: raw bytes or hex text (detected); '-' reads standard input.")
  Path file;

  @Option(
      names = "--hex",
      paramLabel = "HEX",
      arity = "0..1",
      fallbackValue = FILE_IS_HEX,
      description = "The input as hex (0x optional). Without a value, next to --file: the file is hex text.")
  String hex;

  /** The input bytes; {@code what} names them in messages ("batcher transaction"). */
  byte[] read(String what) throws IOException {
    boolean hexValue = hex != null && !hex.equals(FILE_IS_HEX);
    if (hexValue && file != null) {
      throw new BadInputException("give the " + what + " either with --hex HEX or with --file FILE, not both");
    }
    if (hexValue) {
      return InputBytes.hex(hex, "--hex");
    }
    if (file == null) {
      throw new BadInputException(hex != null
          ? "--hex without a value says --file is hex text, but no --file was given"
          : "no input: give the " + what + " with --hex HEX or --file FILE");
    }
    String source = "--file " + file;
    return InputBytes.fileContent(readFile(source), source, hex != null);
  }

  private byte[] readFile(String source) throws IOException {
    return readAll(file, source);
  }

  /**
   * The bytes of {@code file}, or of standard input for {@code -}.
   *
   * @throws BadInputException when the file does not exist or cannot be read
   */
  static byte[] readAll(Path file, String source) throws IOException {
    if (file.toString().equals("-")) {
      // Not closed: standard input belongs to the process, not to this command.
      return System.in.readAllBytes();
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(source + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot read: " + e.getMessage());
    }
  }
}
