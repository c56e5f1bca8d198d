package dev.basalt.adapters.p2p.enr;

import java.io.ByteArrayOutputStream;

/**
 * The OP Stack ENR entry {@code opstack}: an RLP byte string holding
 * {@code uvarint(chainId) ++ uvarint(version)}, version 0 today (op-node p2p/discovery.go
 * {@code OpStackENRData}; kona peers/src/enr.rs). Decoding ignores bytes after the two varints, as
 * both clients do. Example: chain 10 encodes as {@code 0x820a00}.
 */
public record OpStackEnrData(long chainId, long version) {
  public static final String KEY = "opstack";

  /** The value as stored in the record: RLP of the varint pair. */
  public byte[] encodeRlp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    uvarint(out, chainId);
    uvarint(out, version);
    return Rlp.encodeBytes(out.toByteArray());
  }

  public static OpStackEnrData decodeRlp(byte[] rlpValue) throws EnrException {
    if (!(Rlp.decode(rlpValue) instanceof Rlp.Bytes b)) {
      throw new EnrException("opstack entry is not a byte string");
    }
    byte[] v = b.value();
    int[] pos = {0};
    long chain = readUvarint(v, pos);
    long version = readUvarint(v, pos);
    return new OpStackEnrData(chain, version);
  }

  private static void uvarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readUvarint(byte[] in, int[] pos) throws EnrException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= in.length) {
        throw new EnrException("opstack varint truncated");
      }
      int b = in[pos[0]++] & 0xff;
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new EnrException("opstack varint overflows 64 bits");
  }
}
