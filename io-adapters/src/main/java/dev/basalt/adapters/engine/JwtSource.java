package dev.basalt.adapters.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the Engine API JWT secret comes from: a hex file (op-node {@code --l2.jwt-secret}, kona
 * {@code --l2-engine-jwt-secret}) or hex given inline (kona {@code --l2-engine-jwt-encoded}).
 */
public sealed interface JwtSource {
  /** Reads the secret; throws {@link JwtSecretException} with an operator-facing message. */
  JwtSecret load();

  /**
   * A hex file.
   *
   * @param createIfMissing write a fresh secret when the file does not exist (kona's default-file
   *     behaviour); off unless a caller asks for it
   */
  record File(Path path, boolean createIfMissing) implements JwtSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    public File(Path path) {
      this(path, false);
    }

    @Override
    public JwtSecret load() {
      return JwtSecret.loadOrCreate(path, createIfMissing);
    }
  }

  /** Hex given directly. */
  record Encoded(String hex) implements JwtSource {
    public Encoded {
      Objects.requireNonNull(hex, "hex");
    }

    @Override
    public JwtSecret load() {
      return JwtSecret.fromHex(hex);
    }

    @Override
    public String toString() {
      return "Encoded[redacted]";
    }
  }

  /** A secret already in memory (tests, or a caller that generated one). */
  record Given(JwtSecret secret) implements JwtSource {
    public Given {
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public JwtSecret load() {
      return secret;
    }
  }
}
