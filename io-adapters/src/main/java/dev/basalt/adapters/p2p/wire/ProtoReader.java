package dev.basalt.adapters.p2p.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the fields of a protobuf message. Unknown fields of every wire type are skipped, as
 * protobuf requires; groups (wire types 3 and 4) are refused.
 */
public final class ProtoReader {
  private final byte[] in;
  private int pos;
  private int field;
  private int wireType;
  private long varint;
  private int valueOffset;
  private int valueLength;

  public ProtoReader(byte[] in) {
    this.in = in;
  }

  /** Advances to the next field; false at the end of the message. */
  public boolean next() throws WireException {
    if (pos >= in.length) {
      return false;
    }
    long key = readVarint();
    field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    if (field == 0) {
      throw new WireException("protobuf field number 0");
    }
    switch (wireType) {
      case 0 -> varint = readVarint();
      case 1 -> skipFixed(8);
      case 2 -> {
        long length = readVarint();
        if (length > in.length - pos) {
          throw new WireException("protobuf field " + field + " claims " + length + " bytes, " + (in.length - pos) + " left");
        }
        valueOffset = pos;
        valueLength = (int) length;
        pos += valueLength;
      }
      case 5 -> skipFixed(4);
      default -> throw new WireException("protobuf wire type " + wireType + " not supported");
    }
    return true;
  }

  public int field() {
    return field;
  }

  public int wireType() {
    return wireType;
  }

  public long varint() throws WireException {
    require(0);
    return varint;
  }

  public byte[] bytes() throws WireException {
    require(2);
    return Arrays.copyOfRange(in, valueOffset, valueOffset + valueLength);
  }

  public String string() throws WireException {
    require(2);
    return new String(in, valueOffset, valueLength, StandardCharsets.UTF_8);
  }

  private void require(int type) throws WireException {
    if (wireType != type) {
      throw new WireException("protobuf field " + field + " has wire type " + wireType + ", expected " + type);
    }
  }

  private void skipFixed(int n) throws WireException {
    if (in.length - pos < n) {
      throw new WireException("protobuf message truncated");
    }
    pos += n;
  }

  private long readVarint() throws WireException {
    long value = Uvarint.decode(in, pos, in.length);
    if (value == Uvarint.INCOMPLETE) {
      throw new WireException("protobuf message truncated in a varint");
    }
    pos += Uvarint.decodedLength(in, pos);
    return value;
  }
}
