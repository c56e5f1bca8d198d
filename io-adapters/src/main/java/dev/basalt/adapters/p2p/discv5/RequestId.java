package dev.basalt.adapters.p2p.discv5;

import java.util.Arrays;
import java.util.HexFormat;

/** A discv5 request-id: at most 8 opaque bytes chosen by the requester and mirrored in responses. */
public final class RequestId {
  private final byte[] bytes;

  private RequestId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static RequestId of(byte[] bytes) throws Discv5Exception {
    if (bytes.length > 8) {
      throw new Discv5Exception("request-id longer than 8 bytes");
    }
    return new RequestId(bytes.clone());
  }

  public static RequestId ofLong(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return new RequestId(b);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestId r && Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
