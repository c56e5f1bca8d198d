package dev.basalt.cli;

import dev.basalt.adapters.engine.JwtSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt jwt}: Engine API JWT secrets. */
@Command(
    name = "jwt",
    mixinStandardHelpOptions = true,
    description = "Engine API JWT secrets.",
    subcommands = {JwtCommand.New.class},
    footer = {"", "Example:", "  basalt jwt new --out jwt.hex     a fresh secret for the node and its engine"})
final class JwtCommand {
  private JwtCommand() {}

  /** {@code basalt jwt new}: a fresh 32-byte secret from SecureRandom, as 64 hex digits. */
  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Write a fresh 32-byte JWT secret (64 hex digits) for the node and its engine.",
      footer = {
        "",
        "Examples:",
        "  basalt jwt new                      print a secret",
        "  basalt jwt new --out jwt.hex        write it (owner-only permissions), refusing to overwrite",
        "  basalt jwt new --out jwt.hex --force",
        "Then: op-geth --authrpc.jwtsecret jwt.hex ... and basalt node --l2-engine-jwt-secret jwt.hex ..."
      })
  static final class New implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", description = "Write the secret to FILE (mode 600) instead of printing it.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
      String hex = JwtSecret.generate().toHex();
      String text = (hex.startsWith("0x") ? hex.substring(2) : hex) + "\n";
      if (out == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
      }
      try {
        write(out, text, force);
      } catch (FileAlreadyExistsException e) {
        spec.commandLine().getErr().println("basalt jwt new: " + out + " already exists; pass --force to replace it");
        return 1;
      } catch (IOException e) {
        spec.commandLine().getErr().println("basalt jwt new: cannot write " + out + ": " + e);
        return 1;
      }
      spec.commandLine().getErr().println("wrote a new JWT secret to " + out.toAbsolutePath());
      return 0;
    }

    /**
     * Writes through a temporary file created owner-only in the same directory, then moves it in
     * place, so the secret is never readable by others, not even for a moment.
     */
    static void write(Path file, String text, boolean replace) throws IOException {
      if (!replace && Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      Path tmp = posix
          ? Files.createTempFile(dir, ".jwt", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(dir, ".jwt", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        if (replace) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
