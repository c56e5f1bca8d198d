package dev.basalt.core.derive.pipeline;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Snapshot encoding of derived attributes: the ones the pipeline handed out and awaits
 * confirmation for, and the ones the engine controller is working on.
 */
public final class AttributesCodec {
  private static final int MAX_WITHDRAWALS = 1_000_000;

  private AttributesCodec() {}

  public static void write(BinaryWriter w, AttributesWithParent a) {
    write(w, a.attributes());
    ValueCodec.write(w, a.parent());
    ValueCodec.write(w, a.derivedFrom());
    w.bool(a.lastInSpan());
  }

  public static AttributesWithParent read(BinaryReader r) {
    return new AttributesWithParent(readAttributes(r), ValueCodec.readL2BlockRef(r), ValueCodec.readL1BlockRef(r), r.bool());
  }

  private static void write(BinaryWriter w, PayloadAttributes p) {
    w.i64(p.timestamp()).hash(p.prevRandao()).address(p.suggestedFeeRecipient());
    w.bool(p.withdrawals().isPresent());
    if (p.withdrawals().isPresent()) {
      w.i32(p.withdrawals().get().size());
      for (Withdrawal wd : p.withdrawals().get()) {
        w.i64(wd.index()).i64(wd.validatorIndex()).address(wd.address()).i64(wd.amountGwei());
      }
    }
    w.bool(p.parentBeaconBlockRoot().isPresent());
    p.parentBeaconBlockRoot().ifPresent(w::hash);
    PipelineCodec.writeBytesList(w, p.transactions());
    w.bool(p.noTxPool()).i64(p.gasLimit());
    w.bool(p.eip1559Params().isPresent());
    p.eip1559Params().ifPresent(w::bytes);
    w.bool(p.minBaseFee().isPresent());
    if (p.minBaseFee().isPresent()) {
      w.i64(p.minBaseFee().getAsLong());
    }
  }

  private static PayloadAttributes readAttributes(BinaryReader r) {
    long timestamp = r.i64();
    Hash32 prevRandao = r.hash();
    var feeRecipient = r.address();
    Optional<List<Withdrawal>> withdrawals = Optional.empty();
    if (r.bool()) {
      int n = r.count(MAX_WITHDRAWALS, "withdrawals");
      List<Withdrawal> list = new ArrayList<>(Math.min(n, 64));
      for (int i = 0; i < n; i++) {
        list.add(new Withdrawal(r.i64(), r.i64(), r.address(), r.i64()));
      }
      withdrawals = Optional.of(list);
    }
    Optional<Hash32> beaconRoot = r.bool() ? Optional.of(r.hash()) : Optional.empty();
    List<Bytes> txs = PipelineCodec.readBytesList(r);
    boolean noTxPool = r.bool();
    long gasLimit = r.i64();
    Optional<Bytes> eip1559 = r.bool() ? Optional.of(r.bytes()) : Optional.empty();
    OptionalLong minBaseFee = r.bool() ? OptionalLong.of(r.i64()) : OptionalLong.empty();
    return new PayloadAttributes(timestamp, prevRandao, feeRecipient, withdrawals, beaconRoot, txs, noTxPool, gasLimit, eip1559, minBaseFee);
  }

  public static void describe(StateVisitor v, String name, AttributesWithParent a) {
    v.beginObject(name);
    BinaryWriter encoded = new BinaryWriter();
    write(encoded, a.attributes());
    v.value("attributesKeccak", Keccak.hash(encoded.buffer(), 0, encoded.size()));
    v.value("timestamp", a.attributes().timestamp());
    v.value("transactions", a.attributes().transactions().size());
    Refs.describe(v, "parent", a.parent());
    Refs.describe(v, "derivedFrom", a.derivedFrom());
    v.value("lastInSpan", a.lastInSpan());
    v.endObject();
  }
}
