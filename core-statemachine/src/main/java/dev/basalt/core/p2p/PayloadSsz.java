package dev.basalt.core.p2p;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * SSZ encoding of an execution payload in the layout of a gossip topic version (op-node {@code
 * ExecutionPayload.MarshalSSZ}): the fixed part (hashes, little-endian u64s, offsets of the
 * variable fields, a 32-byte little-endian base fee), then the extra data, the transactions (an
 * offset per transaction, then their bytes) and the withdrawals (44 bytes each).
 */
public final class PayloadSsz {
  private static final int WITHDRAWAL_BYTES = 44;

  private PayloadSsz() {}

  /**
   * The bytes a block signature covers: the payload's SSZ, prefixed for v3/v4 with the parent
   * beacon block root (zero when the envelope lacks one, which no valid v3 block does).
   */
  public static Bytes signedBytes(ExecutionPayloadEnvelope envelope, BlockVersion version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (version.hasBeaconRoot()) {
      out.writeBytes(envelope.parentBeaconBlockRoot().orElse(Hash32.ZERO).toArray());
    }
    out.writeBytes(encode(envelope.payload(), version));
    return Bytes.wrapOwned(out.toByteArray());
  }

  /**
   * @throws IllegalArgumentException when the payload lacks a field its version needs (a v2+
   *     payload without withdrawals, a v3+ one without blob gas fields, a v4 one without a
   *     withdrawals root) or carries one an older version cannot express
   */
  public static byte[] encode(ExecutionPayload p, BlockVersion version) {
    check(p, version);
    List<Bytes> txs = p.transactions();
    List<Withdrawal> withdrawals = p.withdrawals().orElse(List.of());
    int extraOffset = version.fixedPartBytes();
    int txOffset = extraOffset + p.extraData().length();
    int txBytes = 4 * txs.size();
    for (Bytes tx : txs) {
      txBytes += tx.length();
    }
    int withdrawalsOffset = txOffset + txBytes;
    ByteArrayOutputStream out = new ByteArrayOutputStream(withdrawalsOffset + WITHDRAWAL_BYTES * withdrawals.size());
    out.writeBytes(p.parentHash().toArray());
    out.writeBytes(p.feeRecipient().toArray());
    out.writeBytes(p.stateRoot().toArray());
    out.writeBytes(p.receiptsRoot().toArray());
    out.writeBytes(p.logsBloom().toArray());
    out.writeBytes(p.prevRandao().toArray());
    u64(out, p.blockNumber());
    u64(out, p.gasLimit());
    u64(out, p.gasUsed());
    u64(out, p.timestamp());
    u32(out, extraOffset);
    out.writeBytes(uint256(p.baseFeePerGas()));
    out.writeBytes(p.blockHash().toArray());
    u32(out, txOffset);
    if (version != BlockVersion.V1) {
      u32(out, withdrawalsOffset);
    }
    if (version.hasBeaconRoot()) {
      u64(out, p.blobGasUsed().getAsLong());
      u64(out, p.excessBlobGas().getAsLong());
    }
    if (version == BlockVersion.V4) {
      out.writeBytes(p.withdrawalsRoot().orElseThrow().toArray());
    }
    out.writeBytes(p.extraData().toArray());
    int next = 4 * txs.size();
    for (Bytes tx : txs) {
      u32(out, next);
      next += tx.length();
    }
    for (Bytes tx : txs) {
      out.writeBytes(tx.toArray());
    }
    for (Withdrawal w : withdrawals) {
      u64(out, w.index());
      u64(out, w.validatorIndex());
      out.writeBytes(w.address().toArray());
      u64(out, w.amountGwei());
    }
    return out.toByteArray();
  }

  private static void check(ExecutionPayload p, BlockVersion version) {
    boolean v2 = version != BlockVersion.V1;
    if (p.withdrawals().isPresent() != v2) {
      throw new IllegalArgumentException("a " + version + " payload " + (v2 ? "needs" : "cannot carry") + " withdrawals");
    }
    if (version.hasBeaconRoot() && (p.blobGasUsed().isEmpty() || p.excessBlobGas().isEmpty())) {
      throw new IllegalArgumentException("a " + version + " payload needs blobGasUsed and excessBlobGas");
    }
    if (version == BlockVersion.V4 && p.withdrawalsRoot().isEmpty()) {
      throw new IllegalArgumentException("a v4 payload needs a withdrawals root");
    }
  }

  private static void u64(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i));
    }
  }

  /** 32 bytes little-endian. */
  private static byte[] uint256(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("base fee out of uint256 range");
    }
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
