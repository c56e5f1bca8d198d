package dev.basalt.testdata.world.engine;

import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.trie.OrderedRoots;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What "executing" a block yields in the fake engine. There is no EVM: these values are
 * deterministic functions of the parent and the transactions, so two engines agree on every block
 * and a tampered payload is caught, but they are NOT what op-geth would compute.
 *
 * <ul>
 *   <li>gas used per transaction: intrinsic gas (21,000 plus 16 per non-zero and 4 per zero calldata
 *       byte), capped at the transaction's own limit;
 *   <li>receipts: successful, without logs (empty bloom); deposits get OP's deposit receipt shape
 *       (Regolith nonce = position in the block, Canyon receipt version 1);
 *   <li>state root: {@code keccak256(parent state root ‖ transactions root ‖ number)};
 *   <li>base fee: EIP-1559 from the parent's gas used and limit, with the chain's parameters
 *       (Canyon's denominator from Canyon, the parent header's {@code extraData} from Holocene, and the
 *       parent's minimum base fee as a floor from Jovian);
 *   <li>Isthmus {@code withdrawalsRoot} (the message passer's storage root): the parent's, since no
 *       withdrawal is ever initiated; the empty trie root on the first Isthmus block;
 *   <li>Jovian {@code blobGasUsed} (DA footprint): per non-deposit transaction {@code max(100,
 *       length)} times the L1-info deposit's DA-footprint scalar (op-geth estimates the size with
 *       FastLZ instead).
 * </ul>
 */
public final class PseudoExecution {
  /** Results that go into the header (and the transactions root, which the header holds too). */
  public record Result(long gasUsed, Hash32 receiptsRoot, Hash32 stateRoot, BigInteger baseFee, long blobGasUsed,
      Hash32 withdrawalsRoot, Hash32 transactionsRoot) {}

  private PseudoExecution() {}

  /**
   * The results of executing {@code txs} on {@code parent}. Of the parent only the fields {@link
   * EngineMemo#sameExecutionInputs} compares are read: reading another one here means comparing it
   * there too, or the memo could answer for a parent that differs in it.
   */
  public static Result execute(RollupConfig rollup, ExecutionPayload parent, long number, long timestamp, List<Bytes> txs) {
    long[] cumulativeGas = new long[txs.size()];
    long cumulative = 0;
    for (int i = 0; i < txs.size(); i++) {
      Bytes tx = txs.get(i);
      boolean deposit = !tx.isEmpty() && (tx.get(0) & 0xff) == DepositTransaction.TYPE;
      cumulative += gasUsed(tx, deposit);
      cumulativeGas[i] = cumulative;
    }
    Hash32 txRoot = OrderedRoots.root(txs);
    Hash32 state = Keccak.hash(parent.stateRoot().toArray(), txRoot.toArray(), longBytes(number));
    Hash32 withdrawalsRoot = OrderedTrie.EMPTY_ROOT;
    if (rollup.isActive(Fork.ISTHMUS, parent.timestamp()) && parent.withdrawalsRoot().isPresent()) {
      withdrawalsRoot = parent.withdrawalsRoot().get();
    }
    long blobGas = rollup.isActive(Fork.JOVIAN, timestamp) ? daFootprint(txs) : 0;
    return new Result(cumulative, receiptsRoot(rollup, timestamp, txs, cumulativeGas), state, baseFee(rollup, parent), blobGas, withdrawalsRoot, txRoot);
  }

  /**
   * The root of the receipts of {@code txs} with these cumulative gas figures: remembered by what
   * {@link #receipt} reads (the Regolith and Canyon flags at {@code timestamp}, and per position the
   * transaction's type, whether it is a deposit, and its cumulative gas; the position is the key's),
   * compared by value, so a hit is the root computing would give. Seed 7: 65,125 executions of
   * 32,350 distinct receipt lists.
   */
  static Hash32 receiptsRoot(RollupConfig rollup, long timestamp, List<Bytes> txs, long[] cumulativeGas) {
    boolean regolith = rollup.isActive(Fork.REGOLITH, timestamp);
    boolean canyon = rollup.isActive(Fork.CANYON, timestamp);
    long[] key = new long[1 + 2 * txs.size()];
    key[0] = (regolith ? 1 : 0) | (canyon ? 2 : 0);
    for (int i = 0; i < txs.size(); i++) {
      Bytes tx = txs.get(i);
      int type = tx.isEmpty() ? 0x100 : tx.get(0) & 0xff; // an empty transaction: receipt type 0, not a deposit
      key[1 + 2 * i] = type;
      key[2 + 2 * i] = cumulativeGas[i];
    }
    Hash32 known = ReceiptsRootMemo.find(key);
    if (known != null) {
      return known;
    }
    Hash32 root = receiptsRootComputed(rollup, timestamp, txs, cumulativeGas);
    ReceiptsRootMemo.remember(key, root);
    return root;
  }

  /** {@link #receiptsRoot} without the memo. */
  static Hash32 receiptsRootComputed(RollupConfig rollup, long timestamp, List<Bytes> txs, long[] cumulativeGas) {
    List<Bytes> receipts = new ArrayList<>(txs.size());
    for (int i = 0; i < txs.size(); i++) {
      Bytes tx = txs.get(i);
      boolean deposit = !tx.isEmpty() && (tx.get(0) & 0xff) == DepositTransaction.TYPE;
      receipts.add(receipt(rollup, timestamp, tx, deposit, cumulativeGas[i], i));
    }
    return OrderedRoots.root(receipts, true);
  }

  private static long gasUsed(Bytes tx, boolean deposit) {
    long limit;
    Bytes data;
    if (deposit) {
      DepositTransaction d = DepositTransaction.decode(tx);
      limit = d.gasLimit();
      data = d.data();
    } else {
      limit = Long.MAX_VALUE;
      data = tx;
    }
    long intrinsic = 21_000;
    for (int i = 0, n = data.length(); i < n; i++) { // read in place: copying each transaction out showed in profiles
      intrinsic += data.get(i) == 0 ? 4 : 16;
    }
    return Long.compareUnsigned(intrinsic, limit) <= 0 ? intrinsic : limit;
  }

  private static final byte[] STATUS_SUCCESS = {1};
  /** {@link Bloom#EMPTY}'s bytes, copied once (only ever read). */
  private static final byte[] EMPTY_BLOOM = Bloom.EMPTY.toArray();

  private static Bytes receipt(RollupConfig rollup, long timestamp, Bytes tx, boolean deposit, long cumulative, int index) {
    int type = tx.isEmpty() ? 0 : tx.get(0) & 0xff;
    RlpWriter w = new RlpWriter(300);
    if (type < 0x80) {
      w.raw(new byte[] {(byte) type});
    }
    w.startList().bytes(STATUS_SUCCESS).uint64(cumulative).bytes(EMPTY_BLOOM).startList().endList();
    if (deposit && rollup.isActive(Fork.REGOLITH, timestamp)) {
      w.uint64(index);
      if (rollup.isActive(Fork.CANYON, timestamp)) {
        w.uint64(1);
      }
    }
    return Bytes.wrapOwned(w.endList().toByteArray());
  }

  static BigInteger baseFee(RollupConfig rollup, ExecutionPayload parent) {
    Eip1559Params defaults = rollup.eip1559();
    long denominator = rollup.isActive(Fork.CANYON, parent.timestamp()) ? defaults.denominatorCanyon() : defaults.denominator();
    long elasticity = defaults.elasticity();
    long minBaseFee = 0;
    if (rollup.isActive(Fork.HOLOCENE, parent.timestamp()) && FeeParamsExtraData.validate(rollup, parent.timestamp(), parent.extraData()).isEmpty()) {
      FeeParamsExtraData fees = FeeParamsExtraData.decode(rollup, parent.timestamp(), parent.extraData());
      denominator = fees.denominator();
      elasticity = fees.elasticity();
      minBaseFee = fees.minBaseFee().orElse(0);
    }
    BigInteger fee = eip1559(parent.baseFeePerGas(), parent.gasUsed(), parent.gasLimit(), denominator, elasticity);
    BigInteger floor = new BigInteger(Long.toUnsignedString(minBaseFee));
    return fee.max(floor);
  }

  private static BigInteger eip1559(BigInteger parentFee, long used, long limit, long denominator, long elasticity) {
    long target = limit / elasticity;
    if (used == target || target == 0) {
      return parentFee;
    }
    BigInteger d = BigInteger.valueOf(denominator);
    BigInteger t = BigInteger.valueOf(target);
    if (used > target) {
      return parentFee.add(parentFee.multiply(BigInteger.valueOf(used - target)).divide(t).divide(d).max(BigInteger.ONE));
    }
    return parentFee.subtract(parentFee.multiply(BigInteger.valueOf(target - used)).divide(t).divide(d));
  }

  private static long daFootprint(List<Bytes> txs) {
    if (txs.isEmpty()) {
      return 0;
    }
    int scalar = daScalar(txs.get(0));
    long total = 0;
    for (Bytes tx : txs) {
      if (tx.isEmpty() || (tx.get(0) & 0xff) != DepositTransaction.TYPE) {
        total += Math.max(100, tx.length()) * (long) scalar;
      }
    }
    return total;
  }

  private static int daScalar(Bytes l1InfoTx) {
    try {
      L1BlockInfo info = L1InfoCalldata.decode(DepositTransaction.decode(l1InfoTx).data());
      return info.daFootprintGasScalar();
    } catch (RuntimeException e) {
      return dev.basalt.core.l1info.L1InfoDeposit.DEFAULT_DA_FOOTPRINT_GAS_SCALAR;
    }
  }

  private static byte[] longBytes(long v) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (v >>> (56 - 8 * i));
    }
    return out;
  }
}
