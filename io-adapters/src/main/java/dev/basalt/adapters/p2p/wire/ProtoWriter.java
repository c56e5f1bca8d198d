package dev.basalt.adapters.p2p.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a protobuf message field by field (wire types varint and length-delimited only). */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter varint(int field, long value) {
    Uvarint.write(out, (long) field << 3);
    Uvarint.write(out, value);
    return this;
  }

  public ProtoWriter bytes(int field, byte[] value) {
    Uvarint.write(out, ((long) field << 3) | 2);
    Uvarint.write(out, value.length);
    out.writeBytes(value);
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
