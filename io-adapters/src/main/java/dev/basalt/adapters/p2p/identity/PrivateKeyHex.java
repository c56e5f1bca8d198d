package dev.basalt.adapters.p2p.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * op-node's private-key text format ({@code --p2p.priv.raw}, the file behind {@code
 * --p2p.priv.path}): the 32-byte secp256k1 secret as 64 hex digits, optional {@code 0x}, surrounding
 * whitespace ignored.
 */
public final class PrivateKeyHex {
  private PrivateKeyHex() {}

  public static IdentityKey parse(String text) {
    String hex = text.strip();
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.length() != 64) {
      throw new IllegalArgumentException("p2p private key must be 64 hex digits (32 bytes), got " + hex.length() + " characters");
    }
    byte[] secret;
    try {
      secret = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("p2p private key is not hex: " + e.getMessage());
    }
    return IdentityKey.fromSecret(secret);
  }

  /** Reads a key file; the error names the file. */
  public static IdentityKey read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The text op-node writes: 64 lowercase hex digits, no prefix, no newline. */
  public static String format(IdentityKey key) {
    return HexFormat.of().formatHex(key.secret());
  }

  /**
   * op-node behaviour for {@code --p2p.priv.path}: load the file if it exists, otherwise create a
   * fresh key and save it (owner-only permissions where the file system supports them).
   */
  public static IdentityKey loadOrCreate(Path file, java.security.SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    IdentityKey key = IdentityKey.generate(random);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, format(key), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    return key;
  }
}
