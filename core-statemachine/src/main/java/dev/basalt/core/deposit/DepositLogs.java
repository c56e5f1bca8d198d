package dev.basalt.core.deposit;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns {@code TransactionDeposited(address indexed from, address indexed to, uint256 indexed
 * version, bytes opaqueData)} logs of the deposit contract into deposit transactions, as op-node's
 * {@code UnmarshalDepositLogEvent} and {@code UserDeposits} do.
 *
 * <p>Version 0 {@code opaqueData} is {@code abi.encodePacked(uint256 mint, uint256 value, uint64
 * gas, bool isCreation, bytes data)}. {@code from} is taken from topic 1 as is: the portal has
 * already applied the L1-to-L2 address alias for contract callers, so derivation never aliases.
 *
 * <p>On malformed input op-node and kona differ; this class follows op-node, which produced the
 * chain: it ignores the upper 12 bytes of the address topics (kona rejects non-zero ones), does
 * not require the ABI padding after {@code opaqueData} to be zero (kona does), reads mint as a
 * full u256 (kona keeps only the low 128 bits) and treats any non-zero creation byte as a
 * creation. The deposit contract never emits such logs, so the difference is theoretical.
 */
public final class DepositLogs {
  /** keccak256("TransactionDeposited(address,address,uint256,bytes)"). */
  public static final Hash32 TRANSACTION_DEPOSITED_TOPIC =
      Hash32.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32");

  private static final int WORD = 32;
  private static final int ADDRESS_OFFSET_IN_TOPIC = 12;
  /** mint(32) + value(32) + gas(8) + isCreation(1). */
  private static final int OPAQUE_FIXED_BYTES = 73;

  private DepositLogs() {}

  /**
   * The user deposits of one L1 block: every log of a successful receipt that the deposit
   * contract emitted with the {@code TransactionDeposited} topic, in block order. Other logs are
   * ignored, whatever their content.
   */
  public static UserDeposits derive(List<ReceiptLog> blockLogs, Hash32 l1BlockHash, Address depositContract) {
    Objects.requireNonNull(l1BlockHash, "l1BlockHash");
    Objects.requireNonNull(depositContract, "depositContract");
    List<DepositTransaction> deposits = new ArrayList<>();
    List<MalformedDepositLog> malformed = new ArrayList<>();
    for (ReceiptLog entry : blockLogs) {
      if (!entry.receiptSucceeded() || !isDepositEvent(entry.log(), depositContract)) {
        continue;
      }
      switch (decode(entry.log(), l1BlockHash, entry.logIndex())) {
        case DecodedDepositLog.Valid v -> deposits.add(v.deposit());
        case DecodedDepositLog.Invalid i -> malformed.add(new MalformedDepositLog(entry.logIndex(), i.error(), i.detail()));
      }
    }
    return malformed.isEmpty() ? new UserDeposits.Derived(deposits) : new UserDeposits.Rejected(malformed);
  }

  /** The filter op-node applies before decoding: emitter address and first topic. */
  static boolean isDepositEvent(Log log, Address depositContract) {
    return log.address().equals(depositContract)
        && !log.topics().isEmpty()
        && log.topics().get(0).equals(TRANSACTION_DEPOSITED_TOPIC);
  }

  /**
   * Decodes one log. The emitting address is not checked here (the caller filters on it); the
   * source hash commits to {@code l1BlockHash} and the block-level {@code logIndex}.
   */
  public static DecodedDepositLog decode(Log log, Hash32 l1BlockHash, long logIndex) {
    List<Hash32> topics = log.topics();
    if (topics.size() != 4) {
      return invalid(DepositLogError.TOPIC_COUNT, "expected 4 topics, got " + topics.size());
    }
    if (!topics.get(0).equals(TRANSACTION_DEPOSITED_TOPIC)) {
      return invalid(DepositLogError.NOT_DEPOSIT_EVENT, "topic 0 is " + topics.get(0));
    }
    byte[] data = log.data().toArray();
    if (data.length < 2 * WORD) {
      return invalid(DepositLogError.DATA_TOO_SHORT, "data has " + data.length + " bytes");
    }
    if (data.length % WORD != 0) {
      return invalid(DepositLogError.DATA_NOT_WORD_ALIGNED, "data has " + data.length + " bytes");
    }
    if (!isU64Word(data, 0) || readU64(data, WORD - 8) != WORD) {
      return invalid(DepositLogError.BAD_OPAQUE_OFFSET, "opaqueData offset word is not 32");
    }
    long available = data.length - 2L * WORD;
    if (!isU64Word(data, WORD)) {
      return invalid(DepositLogError.BAD_OPAQUE_LENGTH, "opaqueData length does not fit in 64 bits");
    }
    long length = readU64(data, 2 * WORD - 8);
    // Unsigned: a length word with the top bit set is huge, not negative.
    if (Long.compareUnsigned(length, available) > 0 || length + WORD <= available) {
      return invalid(DepositLogError.BAD_OPAQUE_LENGTH, "opaqueData length " + Long.toUnsignedString(length) + " for " + available + " bytes after the head");
    }
    if (!topics.get(3).isZero()) {
      return invalid(DepositLogError.UNSUPPORTED_VERSION, "version topic " + topics.get(3));
    }
    Hash32 sourceHash = SourceHash.userDeposit(l1BlockHash, logIndex);
    Address from = Address.wrap(topics.get(1).toArray(), ADDRESS_OFFSET_IN_TOPIC);
    Address to = Address.wrap(topics.get(2).toArray(), ADDRESS_OFFSET_IN_TOPIC);
    return decodeVersion0(data, 2 * WORD, (int) length, sourceHash, from, to);
  }

  private static DecodedDepositLog decodeVersion0(
      byte[] data, int start, int length, Hash32 sourceHash, Address from, Address to) {
    if (length < OPAQUE_FIXED_BYTES) {
      return invalid(DepositLogError.OPAQUE_DATA_TOO_SHORT, "opaqueData has " + length + " bytes");
    }
    BigInteger mint = new BigInteger(1, Arrays.copyOfRange(data, start, start + WORD));
    BigInteger value = new BigInteger(1, Arrays.copyOfRange(data, start + WORD, start + 2 * WORD));
    long gas = readU64(data, start + 2 * WORD);
    boolean creation = data[start + 2 * WORD + 8] != 0;
    int dataStart = start + OPAQUE_FIXED_BYTES;
    Bytes txData = Bytes.of(data, dataStart, start + length - dataStart);
    DepositTransaction deposit =
        new DepositTransaction(sourceHash, from, creation ? null : to, mint, value, gas, false, txData);
    return new DecodedDepositLog.Valid(deposit);
  }

  private static DecodedDepositLog invalid(DepositLogError error, String detail) {
    return new DecodedDepositLog.Invalid(error, detail);
  }

  /** True when the 32-byte word at {@code offset} has 24 leading zero bytes. */
  private static boolean isU64Word(byte[] data, int offset) {
    for (int i = 0; i < WORD - 8; i++) {
      if (data[offset + i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static long readU64(byte[] data, int offset) {
    return new BinaryReader(data, offset, 8).i64();
  }
}
