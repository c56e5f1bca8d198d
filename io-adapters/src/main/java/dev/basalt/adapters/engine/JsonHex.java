package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Writes Engine API scalars: quantities as minimal {@code 0x} hex (u64 values held in a long are
 * written unsigned), data as lower-case {@code 0x} hex straight from the bytes into a char buffer,
 * so a large transaction is not copied through an intermediate String.
 */
final class JsonHex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private JsonHex() {}

  static void quantity(JsonGenerator gen, String name, long u64) throws IOException {
    gen.writeStringField(name, "0x" + Long.toHexString(u64));
  }

  static void quantity(JsonGenerator gen, String name, BigInteger u256) throws IOException {
    gen.writeStringField(name, "0x" + u256.toString(16));
  }

  static void data(JsonGenerator gen, String name, Bytes bytes) throws IOException {
    gen.writeFieldName(name);
    data(gen, bytes);
  }

  static void data(JsonGenerator gen, Bytes bytes) throws IOException {
    int n = bytes.length();
    char[] out = new char[2 + 2 * n];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < n; i++) {
      int b = bytes.get(i) & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0x0f];
    }
    gen.writeString(out, 0, out.length);
  }

  static void hash(JsonGenerator gen, String name, Hash32 hash) throws IOException {
    gen.writeStringField(name, hash.toHex());
  }

  static void address(JsonGenerator gen, String name, Address address) throws IOException {
    gen.writeStringField(name, address.toHex());
  }
}
