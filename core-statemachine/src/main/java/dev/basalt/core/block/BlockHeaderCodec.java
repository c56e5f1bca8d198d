package dev.basalt.core.block;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;

/** Strict decoding of an RLP block header; the inverse of {@link BlockHeader#encode()}. */
public final class BlockHeaderCodec {
  private BlockHeaderCodec() {}

  /**
   * Decodes a header of any fork: 15 base fields followed by 0, 1, 2, 5 or 6 fork fields.
   *
   * @throws DecodeException on non-canonical RLP, trailing bytes or a field count no fork has
   */
  public static BlockHeader decode(byte[] encoded) {
    RlpReader outer = new RlpReader(encoded);
    RlpReader r = outer.readList();
    outer.expectEnd();
    Hash32 parentHash = r.readHash();
    Hash32 ommersHash = r.readHash();
    Address beneficiary = r.readAddress();
    Hash32 stateRoot = r.readHash();
    Hash32 txRoot = r.readHash();
    Hash32 receiptsRoot = r.readHash();
    byte[] bloom = r.readBytes();
    if (bloom.length != Bloom.LENGTH) {
      throw new DecodeException("logs bloom must have 256 bytes, got " + bloom.length);
    }
    BigInteger difficulty = r.readUint256();
    long number = r.readUint64();
    long gasLimit = r.readUint64();
    long gasUsed = r.readUint64();
    long timestamp = r.readUint64();
    Bytes extraData = r.readBytesValue();
    Hash32 mixHash = r.readHash();
    Bytes nonce = r.readBytesValue();
    if (nonce.length() != 8) {
      throw new DecodeException("header nonce must have 8 bytes, got " + nonce.length());
    }
    BigInteger baseFee = r.hasNext() ? r.readUint256() : null;
    Hash32 withdrawalsRoot = r.hasNext() ? r.readHash() : null;
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash32 beaconRoot = null;
    if (r.hasNext()) {
      blobGasUsed = r.readUint64();
      excessBlobGas = r.readUint64();
      beaconRoot = r.readHash();
    }
    Hash32 requestsHash = r.hasNext() ? r.readHash() : null;
    r.expectEnd();
    return new BlockHeader(
        parentHash, ommersHash, beneficiary, stateRoot, txRoot, receiptsRoot, Bloom.wrap(bloom), difficulty,
        number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce,
        baseFee, withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }
}
