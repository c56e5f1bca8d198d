package dev.basalt.cli;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.types.Hash32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a configuration's canonical encoding, recorded in the journal header. */
final class ConfigHash {
  private ConfigHash() {}

  static Hash32 of(CoreConfig config) {
    BinaryWriter w = new BinaryWriter();
    ValueCodec.write(w, config);
    try {
      return Hash32.wrap(MessageDigest.getInstance("SHA-256").digest(w.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
