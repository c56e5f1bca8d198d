package dev.basalt.adapters.p2p.enr;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;

/** A 256-bit discovery node ID: keccak256 of the 64-byte uncompressed public key (v4 scheme). */
public final class NodeId implements Comparable<NodeId> {
  private final byte[] bytes;

  private NodeId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static NodeId of(ECPoint publicKey) {
    return new NodeId(Secp256k1.keccak256(Secp256k1.raw64(publicKey)));
  }

  public static NodeId wrap(byte[] bytes32) {
    if (bytes32.length != 32) {
      throw new IllegalArgumentException("node id must have 32 bytes, got " + bytes32.length);
    }
    return new NodeId(bytes32.clone());
  }

  public static NodeId fromHex(String hex) {
    return wrap(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Byte {@code i} without copying. */
  public int byteAt(int i) {
    return bytes[i] & 0xff;
  }

  /** Kademlia log distance: the bit length of {@code a xor b}, 0 for equal IDs, at most 256. */
  public static int logDistance(NodeId a, NodeId b) {
    for (int i = 0; i < 32; i++) {
      int x = (a.bytes[i] ^ b.bytes[i]) & 0xff;
      if (x != 0) {
        return (31 - i) * 8 + (32 - Integer.numberOfLeadingZeros(x));
      }
    }
    return 0;
  }

  /** Compares the XOR distances of {@code a} and {@code b} to this ID. */
  public int compareDistance(NodeId a, NodeId b) {
    for (int i = 0; i < 32; i++) {
      int da = (a.bytes[i] ^ bytes[i]) & 0xff;
      int db = (b.bytes[i] ^ bytes[i]) & 0xff;
      if (da != db) {
        return Integer.compare(da, db);
      }
    }
    return 0;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  public String toShortString() {
    return toHex().substring(0, 8);
  }

  @Override
  public int compareTo(NodeId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeId n && Arrays.equals(bytes, n.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
