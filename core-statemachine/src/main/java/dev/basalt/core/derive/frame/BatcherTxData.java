package dev.basalt.core.derive.frame;

import java.util.List;

/** Builds batcher transaction data: {@code derivation_version(0) ++ frame ++ frame ...}. */
public final class BatcherTxData {
  /** The only derivation version a rollup node reads (1 is alt-DA commitments, not handled here). */
  public static final int DERIVATION_VERSION_0 = 0;

  private BatcherTxData() {}

  /** Version byte 0 followed by the frames in order. */
  public static byte[] encode(List<Frame> frames) {
    int size = 1;
    for (Frame f : frames) {
      size += f.encodedLength();
    }
    byte[] out = new byte[size];
    out[0] = DERIVATION_VERSION_0;
    int p = 1;
    for (Frame f : frames) {
      p = f.writeTo(out, p);
    }
    return out;
  }
}
