package dev.basalt.core.tx;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.util.ArrayList;
import java.util.List;

/**
 * EIP-2718 receipt encoding, the form committed to by a block's receipts root, and its strict
 * inverse. Decoding accepts every type byte up to 0x7d, so receipts of future transaction types are
 * read as long as they keep the standard shape (derivation spec, "On Future-Proof Transaction Log
 * Derivation"); anything else, including a pre-Byzantium post-state root, is a {@link
 * DecodeException}.
 */
public final class ReceiptCodec {
  private ReceiptCodec() {}

  public static byte[] encode(Receipt receipt) {
    RlpWriter w = new RlpWriter(512);
    if (receipt.typeByte() != 0) {
      w.raw(new byte[] {(byte) receipt.typeByte()});
    }
    w.startList();
    // EIP-658: status 1 is the byte 0x01, status 0 the empty string.
    w.bytes(receipt.success() ? new byte[] {1} : new byte[0]);
    w.uint64(receipt.cumulativeGasUsed());
    w.bytes(receipt.logsBloom().toArray());
    w.startList();
    for (Log log : receipt.logs()) {
      w.startList().address(log.address()).startList();
      for (Hash32 topic : log.topics()) {
        w.hash(topic);
      }
      w.endList().bytes(log.data()).endList();
    }
    w.endList().endList();
    return w.toByteArray();
  }

  public static Receipt decode(byte[] encoded) {
    if (encoded.length == 0) {
      throw new DecodeException("empty receipt");
    }
    int first = encoded[0] & 0xff;
    int type;
    int offset;
    if (first >= 0xc0) {
      type = 0;
      offset = 0;
    } else if (first >= 0x01 && first <= 0x7d) {
      type = first;
      offset = 1;
    } else {
      throw new DecodeException("not an L1 receipt: first byte 0x" + Integer.toHexString(first));
    }
    RlpReader outer = new RlpReader(encoded, offset, encoded.length - offset);
    RlpReader r = outer.readList();
    outer.expectEnd();
    byte[] status = r.readBytes();
    if (status.length > 1 || (status.length == 1 && status[0] != 1)) {
      throw new DecodeException("receipt status must be empty or 0x01, got " + status.length + " bytes");
    }
    long cumulativeGas = r.readUint64();
    byte[] bloom = r.readBytes();
    if (bloom.length != Bloom.LENGTH) {
      throw new DecodeException("logs bloom must have 256 bytes, got " + bloom.length);
    }
    List<Log> logs = new ArrayList<>();
    RlpReader logList = r.readList();
    while (logList.hasNext()) {
      logs.add(log(logList.readList()));
    }
    r.expectEnd();
    return new Receipt(type, status.length == 1, cumulativeGas, Bloom.wrap(bloom), logs);
  }

  private static Log log(RlpReader r) {
    Address address = r.readAddress();
    List<Hash32> topics = new ArrayList<>();
    RlpReader topicList = r.readList();
    while (topicList.hasNext()) {
      if (topics.size() == 4) {
        throw new DecodeException("a log has at most 4 topics");
      }
      topics.add(topicList.readHash());
    }
    Bytes data = r.readBytesValue();
    r.expectEnd();
    return new Log(address, topics, data);
  }
}
