package dev.basalt.adapters.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 32-byte shared secret of Engine API authentication ({@code execution-apis}
 * {@code src/engine/authentication.md}): read from a hex file as op-geth and op-reth write it
 * ({@code 0x} optional, surrounding whitespace ignored), or from a hex string, or freshly generated.
 */
public final class JwtSecret {
  /** The secret length the Engine API requires (geth rejects any other). */
  public static final int LENGTH_BYTES = 32;

  private final byte[] key;

  private JwtSecret(byte[] key) {
    this.key = key;
  }

  /**
   * Parses {@code 0x}-optional hex of exactly 32 bytes.
   *
   * @throws JwtSecretException naming what is wrong with the text
   */
  public static JwtSecret fromHex(String hex) {
    return parse(hex, "JWT secret");
  }

  /**
   * Reads a secret file.
   *
   * @throws JwtSecretException when the file is missing, unreadable or does not hold 32 bytes of hex
   */
  public static JwtSecret fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new JwtSecretException("JWT secret file " + file + " does not exist", e);
    } catch (IOException | RuntimeException e) {
      throw new JwtSecretException("cannot read JWT secret file " + file + ": " + e, e);
    }
    return parse(text, "JWT secret file " + file);
  }

  /**
   * Reads {@code file}; when it does not exist and {@code createIfMissing} is set, writes a fresh
   * secret there first (kona's {@code l2_jwt.hex} behaviour; the engine must then be given the same
   * file). Off by default in callers: a silently generated secret never matches a running engine.
   */
  public static JwtSecret loadOrCreate(Path file, boolean createIfMissing) {
    if (createIfMissing && !Files.exists(file)) {
      try {
        return writeNew(file);
      } catch (JwtSecretException e) {
        // Another process may have created it between the check and the write: read theirs.
        if (!(e.getCause() instanceof FileAlreadyExistsException)) {
          throw e;
        }
      }
    }
    return fromFile(file);
  }

  /** A fresh random secret (not written anywhere). */
  public static JwtSecret generate() {
    byte[] key = new byte[LENGTH_BYTES];
    new SecureRandom().nextBytes(key);
    return new JwtSecret(key);
  }

  /**
   * Generates a secret and writes it to {@code file} as {@code 0x}-prefixed hex, owner-readable
   * only where the file system has POSIX permissions. Never overwrites an existing file.
   *
   * @throws JwtSecretException when the file exists or cannot be written
   */
  public static JwtSecret writeNew(Path file) {
    JwtSecret secret = generate();
    byte[] text = ("0x" + HexFormat.of().formatHex(secret.key)).getBytes(StandardCharsets.US_ASCII);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      restrictToOwner(file);
    } catch (FileAlreadyExistsException e) {
      throw new JwtSecretException("JWT secret file " + file + " already exists; not overwriting it", e);
    } catch (IOException | RuntimeException e) {
      throw new JwtSecretException("cannot write JWT secret file " + file + ": " + e, e);
    }
    return secret;
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static JwtSecret parse(String text, String what) {
    String hex = text.strip();
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.isEmpty()) {
      throw new JwtSecretException(what + " is empty; expected 64 hex digits (32 bytes)");
    }
    if ((hex.length() & 1) != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new JwtSecretException(what + " is not hex; expected 64 hex digits (32 bytes), optionally 0x-prefixed");
    }
    int lengthBytes = hex.length() / 2;
    if (lengthBytes != LENGTH_BYTES) {
      throw new JwtSecretException(what + " has " + lengthBytes + " bytes; the Engine API needs exactly 32 (64 hex digits)");
    }
    return new JwtSecret(HexFormat.of().parseHex(hex));
  }

  /** A copy of the key bytes. */
  public byte[] key() {
    return key.clone();
  }

  /** {@code 0x}-prefixed hex, the form the secret files hold. */
  public String toHex() {
    return "0x" + HexFormat.of().formatHex(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JwtSecret s && Arrays.equals(key, s.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never prints the key: secrets end up in logs through toString. */
  @Override
  public String toString() {
    return "JwtSecret[redacted]";
  }
}
