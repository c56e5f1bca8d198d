package dev.basalt.core.p2p;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the signed part of a gossip message in the layout of its topic version (op-node {@code
 * ExecutionPayload.UnmarshalSSZ} and {@code ExecutionPayloadEnvelope.UnmarshalSSZ}), with op-node's
 * checks: the extra-data offset equals the fixed-part size, offsets are ordered and inside the
 * input, extra data is at most 32 bytes, at most 2^20 transactions whose first offset is a multiple
 * of 4, and withdrawals are whole 44-byte items, at most 16. The topic's version alone decides the
 * layout; a message is never sniffed.
 */
public final class PayloadSszDecoder {
  /** What reading a message gave: an envelope, or why the bytes are not one. */
  public sealed interface Result {}

  public record Decoded(ExecutionPayloadEnvelope envelope) implements Result {}

  public record Invalid(String reason) implements Result {}

  private static final int MAX_EXTRA_DATA_BYTES = 32;
  private static final int MAX_TRANSACTIONS = 1 << 20;
  private static final int MAX_WITHDRAWALS = 16;
  private static final int WITHDRAWAL_BYTES = 44;

  private final byte[] in;
  private final int base;
  private final int scope;

  private PayloadSszDecoder(byte[] in, int base, int scope) {
    this.in = in;
    this.base = base;
    this.scope = scope;
  }

  /** Decodes {@code signed[offset..offset+length)} as the signed part of a {@code version} message. */
  public static Result decode(byte[] signed, int offset, int length, BlockVersion version) {
    try {
      Optional<Hash32> beaconRoot = Optional.empty();
      int base = offset;
      int scope = length;
      if (version.hasBeaconRoot()) {
        if (length < Hash32.LENGTH) {
          return new Invalid("envelope shorter than the parent beacon block root");
        }
        beaconRoot = Optional.of(Hash32.wrap(signed, offset));
        base += Hash32.LENGTH;
        scope -= Hash32.LENGTH;
      }
      ExecutionPayload payload = new PayloadSszDecoder(signed, base, scope).payload(version);
      return new Decoded(new ExecutionPayloadEnvelope(payload, beaconRoot));
    } catch (MalformedException e) {
      return new Invalid(e.getMessage());
    }
  }

  /** As {@link #decode(byte[], int, int, BlockVersion)} over all of {@code signed}. */
  public static Result decode(byte[] signed, BlockVersion version) {
    return decode(signed, 0, signed.length, version);
  }

  private ExecutionPayload payload(BlockVersion version) throws MalformedException {
    int fixed = version.fixedPartBytes();
    if (scope < fixed) {
      throw new MalformedException("scope " + scope + " too small for a " + version + " payload (" + fixed + ")");
    }
    Hash32 parentHash = hash(0);
    Address feeRecipient = Address.wrap(in, base + 32);
    Hash32 stateRoot = hash(52);
    Hash32 receiptsRoot = hash(84);
    Bytes logsBloom = Bytes.of(in, base + 116, 256);
    Hash32 prevRandao = hash(372);
    long number = u64(404);
    long gasLimit = u64(412);
    long gasUsed = u64(420);
    long timestamp = u64(428);
    long extraOffset = u32(436);
    BigInteger baseFee = uint256(440);
    Hash32 blockHash = hash(472);
    long txOffset = u32(504);
    if (extraOffset != fixed) {
      throw new MalformedException("extra data offset " + extraOffset + ", expected " + fixed);
    }
    if (txOffset < extraOffset) {
      throw new MalformedException("transactions offset before the extra data");
    }
    long withdrawalsOffset = scope;
    if (version != BlockVersion.V1) {
      withdrawalsOffset = u32(508);
      if (withdrawalsOffset < txOffset) {
        throw new MalformedException("withdrawals offset before the transactions");
      }
    }
    OptionalLong blobGasUsed = version.hasBeaconRoot() ? OptionalLong.of(u64(512)) : OptionalLong.empty();
    OptionalLong excessBlobGas = version.hasBeaconRoot() ? OptionalLong.of(u64(520)) : OptionalLong.empty();
    Optional<Hash32> withdrawalsRoot = version == BlockVersion.V4 ? Optional.of(hash(528)) : Optional.empty();
    if (txOffset > extraOffset + MAX_EXTRA_DATA_BYTES || txOffset > scope) {
      throw new MalformedException("extra data too large or out of scope");
    }
    Bytes extraData = Bytes.of(in, base + (int) extraOffset, (int) (txOffset - extraOffset));
    if (withdrawalsOffset > scope) {
      throw new MalformedException("withdrawals offset out of scope");
    }
    List<Bytes> txs = transactions((int) txOffset, (int) withdrawalsOffset);
    Optional<List<Withdrawal>> withdrawals =
        version == BlockVersion.V1 ? Optional.empty() : Optional.of(withdrawals((int) withdrawalsOffset));
    return new ExecutionPayload(parentHash, feeRecipient, stateRoot, receiptsRoot, logsBloom, prevRandao, number,
        gasLimit, gasUsed, timestamp, extraData, baseFee, blockHash, txs, withdrawals, blobGasUsed, excessBlobGas,
        withdrawalsRoot);
  }

  /** The transaction list in {@code [from, to)}: an offset per transaction, then their bytes. */
  private List<Bytes> transactions(int from, int to) throws MalformedException {
    int listScope = to - from;
    if (listScope == 0) {
      return List.of();
    }
    if (listScope < 4) {
      throw new MalformedException("no room for the first transaction offset");
    }
    long first = u32(from);
    if (first % 4 != 0) {
      throw new MalformedException("first transaction offset " + first + " is not a multiple of 4");
    }
    if (first > listScope) {
      throw new MalformedException("first transaction offset out of scope");
    }
    int count = (int) (first / 4);
    if (count > MAX_TRANSACTIONS) {
      throw new MalformedException("too many transactions: " + count);
    }
    List<Bytes> txs = new ArrayList<>(count);
    long current = first;
    for (int i = 0; i < count; i++) {
      long next = i + 1 < count ? u32(from + 4 * (i + 1)) : listScope;
      if (next < current || next > listScope) {
        throw new MalformedException("transaction " + i + " offsets out of order or scope");
      }
      txs.add(Bytes.of(in, base + from + (int) current, (int) (next - current)));
      current = next;
    }
    return txs;
  }

  private List<Withdrawal> withdrawals(int from) throws MalformedException {
    int bytes = scope - from;
    if (bytes % WITHDRAWAL_BYTES != 0) {
      throw new MalformedException("withdrawals are not whole 44-byte items");
    }
    int count = bytes / WITHDRAWAL_BYTES;
    if (count > MAX_WITHDRAWALS) {
      throw new MalformedException("too many withdrawals: " + count);
    }
    List<Withdrawal> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = from + i * WITHDRAWAL_BYTES;
      out.add(new Withdrawal(u64(at), u64(at + 8), Address.wrap(in, base + at + 16), u64(at + 36)));
    }
    return out;
  }

  private Hash32 hash(int at) {
    return Hash32.wrap(in, base + at);
  }

  private long u64(int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (in[base + at + i] & 0xff);
    }
    return v;
  }

  private long u32(int at) {
    long v = 0;
    for (int i = 3; i >= 0; i--) {
      v = v << 8 | (in[base + at + i] & 0xff);
    }
    return v;
  }

  private BigInteger uint256(int at) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = in[base + at + 31 - i];
    }
    return new BigInteger(1, be);
  }

  private static final class MalformedException extends Exception {
    MalformedException(String message) {
      super(message, null, false, false);
    }
  }
}
