package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Bytes;

/**
 * Cuts one {@code tx_datas} element out of the column (op-node's {@code ReadTxData}): an optional
 * type byte (any value up to 0x7f; validity is checked later, when the batch is derived), then an
 * RLP item that must be a list whose header plus payload is at most {@link
 * SpanBatchLimits#MAX_TX_RLP_BYTES}. The list's content is not inspected here.
 */
final class SpanTxDataReader {
  private SpanTxDataReader() {}

  static Bytes read(WireReader r) {
    int start = r.position();
    if (r.peek("tx data") <= 0x7f) {
      r.skip(1, "tx type");
    }
    int prefix = r.u8("tx RLP prefix");
    if (prefix < 0xc0) {
      throw new DecodeException("tx RLP item at offset " + (r.position() - 1) + " is not a list");
    }
    long payload;
    int header;
    if (prefix <= 0xf7) {
      payload = prefix - 0xc0;
      header = 1;
    } else {
      int lenOfLen = prefix - 0xf7;
      r.need(lenOfLen, "tx RLP length");
      if (r.peek("tx RLP length") == 0) {
        throw new DecodeException("tx RLP length with a leading zero at offset " + r.position());
      }
      payload = 0;
      for (int i = 0; i < lenOfLen; i++) {
        payload = (payload << 8) | r.u8("tx RLP length");
        if (payload > SpanBatchLimits.MAX_TX_RLP_BYTES) {
          throw new DecodeException("tx RLP list too large");
        }
      }
      if (payload <= 55) {
        throw new DecodeException("non-canonical long list header for " + payload + " bytes");
      }
      header = 1 + lenOfLen;
    }
    if (header + payload > SpanBatchLimits.MAX_TX_RLP_BYTES) {
      throw new DecodeException("tx RLP list of " + (header + payload) + " bytes exceeds " + SpanBatchLimits.MAX_TX_RLP_BYTES);
    }
    r.skip((int) payload, "tx RLP payload");
    return Bytes.of(r.buffer(), start, r.position() - start);
  }
}
