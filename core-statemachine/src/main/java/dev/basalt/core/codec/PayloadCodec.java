package dev.basalt.core.codec;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Binary forms of Engine API values (payloads, envelopes, attributes, withdrawals), shared by the
 * journal codecs and core snapshots. Optional fields are a presence byte then the value.
 */
public final class PayloadCodec {
  /** Far above what any block carries; bounds allocation on corrupt input. */
  private static final int MAX_TRANSACTIONS = 1_000_000;

  private static final int MAX_WITHDRAWALS = 100_000;

  private PayloadCodec() {}

  public static void write(BinaryWriter w, ExecutionPayload p) {
    w.hash(p.parentHash()).address(p.feeRecipient()).hash(p.stateRoot()).hash(p.receiptsRoot());
    w.bytes(p.logsBloom()).hash(p.prevRandao());
    w.i64(p.blockNumber()).i64(p.gasLimit()).i64(p.gasUsed()).i64(p.timestamp());
    w.bytes(p.extraData());
    ValueCodec.writeUint256(w, p.baseFeePerGas());
    w.hash(p.blockHash());
    writeTransactions(w, p.transactions());
    writeOptionalWithdrawals(w, p.withdrawals());
    writeOptionalLong(w, p.blobGasUsed());
    writeOptionalLong(w, p.excessBlobGas());
    writeOptionalHash(w, p.withdrawalsRoot());
  }

  public static ExecutionPayload readExecutionPayload(BinaryReader r) {
    return new ExecutionPayload(
        r.hash(), r.address(), r.hash(), r.hash(), r.bytes(), r.hash(), r.i64(), r.i64(), r.i64(), r.i64(),
        r.bytes(), ValueCodec.readUint256(r), r.hash(), readTransactions(r), readOptionalWithdrawals(r),
        readOptionalLong(r), readOptionalLong(r), readOptionalHash(r));
  }

  public static void write(BinaryWriter w, ExecutionPayloadEnvelope e) {
    write(w, e.payload());
    writeOptionalHash(w, e.parentBeaconBlockRoot());
  }

  public static ExecutionPayloadEnvelope readEnvelope(BinaryReader r) {
    return new ExecutionPayloadEnvelope(readExecutionPayload(r), readOptionalHash(r));
  }

  public static void write(BinaryWriter w, PayloadAttributes a) {
    w.i64(a.timestamp()).hash(a.prevRandao()).address(a.suggestedFeeRecipient());
    writeOptionalWithdrawals(w, a.withdrawals());
    writeOptionalHash(w, a.parentBeaconBlockRoot());
    writeTransactions(w, a.transactions());
    w.bool(a.noTxPool()).i64(a.gasLimit());
    w.bool(a.eip1559Params().isPresent());
    a.eip1559Params().ifPresent(w::bytes);
    writeOptionalLong(w, a.minBaseFee());
  }

  public static PayloadAttributes readAttributes(BinaryReader r) {
    long timestamp = r.i64();
    Hash32 prevRandao = r.hash();
    var feeRecipient = r.address();
    Optional<List<Withdrawal>> withdrawals = readOptionalWithdrawals(r);
    Optional<Hash32> beaconRoot = readOptionalHash(r);
    List<Bytes> txs = readTransactions(r);
    boolean noTxPool = r.bool();
    long gasLimit = r.i64();
    Optional<Bytes> eip1559 = r.bool() ? Optional.of(r.bytes()) : Optional.empty();
    OptionalLong minBaseFee = readOptionalLong(r);
    return new PayloadAttributes(timestamp, prevRandao, feeRecipient, withdrawals, beaconRoot, txs, noTxPool, gasLimit, eip1559, minBaseFee);
  }

  private static void writeTransactions(BinaryWriter w, List<Bytes> txs) {
    w.i32(txs.size());
    txs.forEach(w::bytes);
  }

  private static List<Bytes> readTransactions(BinaryReader r) {
    int n = r.count(MAX_TRANSACTIONS, "transactions");
    List<Bytes> txs = new ArrayList<>(Math.min(n, 4096));
    for (int i = 0; i < n; i++) {
      txs.add(r.bytes());
    }
    return txs;
  }

  private static void writeOptionalWithdrawals(BinaryWriter w, Optional<List<Withdrawal>> withdrawals) {
    w.bool(withdrawals.isPresent());
    if (withdrawals.isPresent()) {
      w.i32(withdrawals.get().size());
      for (Withdrawal x : withdrawals.get()) {
        w.i64(x.index()).i64(x.validatorIndex()).address(x.address()).i64(x.amountGwei());
      }
    }
  }

  private static Optional<List<Withdrawal>> readOptionalWithdrawals(BinaryReader r) {
    if (!r.bool()) {
      return Optional.empty();
    }
    int n = r.count(MAX_WITHDRAWALS, "withdrawals");
    List<Withdrawal> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      list.add(new Withdrawal(r.i64(), r.i64(), r.address(), r.i64()));
    }
    return Optional.of(list);
  }

  private static void writeOptionalLong(BinaryWriter w, OptionalLong v) {
    w.bool(v.isPresent());
    if (v.isPresent()) {
      w.i64(v.getAsLong());
    }
  }

  private static OptionalLong readOptionalLong(BinaryReader r) {
    return r.bool() ? OptionalLong.of(r.i64()) : OptionalLong.empty();
  }

  private static void writeOptionalHash(BinaryWriter w, Optional<Hash32> h) {
    w.bool(h.isPresent());
    h.ifPresent(w::hash);
  }

  private static Optional<Hash32> readOptionalHash(BinaryReader r) {
    return r.bool() ? Optional.of(r.hash()) : Optional.empty();
  }
}
