package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Hash32;
import java.util.Optional;

/** Small encoding helpers shared by the codecs of this package. */
final class CodecSupport {
  private CodecSupport() {}

  /** Big-endian u16, for type tags. */
  static void writeU16(BinaryWriter w, int value) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException("u16 out of range: " + value);
    }
    w.u8(value >>> 8).u8(value);
  }

  static int readU16(BinaryReader r) {
    return (r.u8() << 8) | r.u8();
  }

  /**
   * Rejects a version this build cannot read. Versions start at 1; a type's decoder handles every
   * version from 1 up to {@code current}.
   */
  static void checkVersion(String family, String typeName, int tag, int version, int current) {
    if (version < 1 || version > current) {
      throw new DecodeException(
          "unsupported version "
              + version
              + " of "
              + family
              + " "
              + typeName
              + " (tag "
              + tag
              + "); this build reads versions 1.."
              + current);
    }
  }

  static void writeOptionalHash(BinaryWriter w, Optional<Hash32> value) {
    w.bool(value.isPresent());
    value.ifPresent(w::hash);
  }

  static Optional<Hash32> readOptionalHash(BinaryReader r) {
    return r.bool() ? Optional.of(r.hash()) : Optional.empty();
  }

  static void writeOptionalString(BinaryWriter w, Optional<String> value) {
    w.bool(value.isPresent());
    value.ifPresent(w::string);
  }

  static Optional<String> readOptionalString(BinaryReader r) {
    return r.bool() ? Optional.of(r.string()) : Optional.empty();
  }
}
