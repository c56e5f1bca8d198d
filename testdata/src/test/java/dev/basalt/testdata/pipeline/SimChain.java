package dev.basalt.testdata.pipeline;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated rollup: the L1 chain, the canonical L2 chain a sequencer built on it, and the batcher
 * data that carries it (with the scenario's faults), so that derivation must recover exactly
 * {@link #blocks}. Blocks the batcher never got into L1 within the sequencing window are in the
 * canonical chain as empty blocks: derivation produces them as forced empty batches, following the
 * same epoch rule the sequencer follows (advance when the next L1 block's time has come).
 */
final class SimChain {
  static final long L1_CHAIN_ID = 900;
  static final long L2_CHAIN_ID = 901;
  static final long BLOCK_TIME = 2;
  static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000000901");
  static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");

  /** A canonical L2 block with its epoch and user transactions; {@code lost} = never batched. */
  record SimBlock(L2BlockInfo info, L1BlockRef epoch, List<Bytes> userTxs, boolean lost) {}

  final SimScenario scenario;
  final SimRng rng;
  final SimL1 l1;
  final RollupConfig config;
  final L2BlockInfo genesis;
  final SigningKey batcher;
  final SigningKey nextBatcher;
  final SigningKey stranger;
  final List<SimBlock> blocks = new ArrayList<>();
  final List<SimPlan.Posting> postings;

  SimChain(SimScenario scenario) {
    this.scenario = scenario;
    this.rng = new SimRng(scenario.seed());
    this.batcher = key(rng.fork("batcher"));
    this.nextBatcher = key(rng.fork("next batcher"));
    this.stranger = key(rng.fork("stranger"));
    this.l1 = new SimL1(rng.fork("l1"), L1_CHAIN_ID, INBOX, SimScenario.GENESIS_TIME, scenario.l1Blocks());
    SystemConfig sys = new SystemConfig(batcher.address(), Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    L2BlockRef genesisRef = new L2BlockRef(Hash32.wrap(rng.bytes(32)), 0, Hash32.ZERO, SimScenario.GENESIS_TIME, l1.ref(0).id(), 0);
    this.config = new RollupConfig(L1_CHAIN_ID, L2_CHAIN_ID,
        new ChainGenesis(l1.ref(0).id(), genesisRef.id(), SimScenario.GENESIS_TIME, sys), BLOCK_TIME, 600,
        scenario.seqWindow(), scenario.channelTimeoutBedrock(), INBOX, Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"),
        SYSTEM_CONFIG, scenario.forks(), -1, new Eip1559Params(6, 50, 250), false);
    this.genesis = new L2BlockInfo(genesisRef, sys, List.of());
    if (scenario.rotateBatcherAt() > 0) {
      l1.addLog(scenario.rotateBatcherAt(), batcherUpdate(nextBatcher.address()));
    }
    SimPlan plan = new SimPlan(this, skeleton());
    this.postings = plan.postings;
    buildBlocks(plan);
    new SimBatcher(this).emit();
  }

  static SigningKey key(SimRng rng) {
    BigInteger d;
    do {
      d = new BigInteger(1, rng.bytes(32));
    } while (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0);
    return SigningKey.fromScalar(d);
  }

  /** The key that may post in L1 block {@code number}. */
  SigningKey batcherAt(long number) {
    return scenario.rotateBatcherAt() > 0 && number >= scenario.rotateBatcherAt() ? nextBatcher : batcher;
  }

  private static ReceiptLog batcherUpdate(Address batcher) {
    String payload = "00".repeat(12) + batcher.toHex().substring(2);
    String data = String.format("%064x", 32) + String.format("%064x", payload.length() / 2) + payload;
    Log log = new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, Hash32.ZERO), Bytes.fromHex(data));
    return new ReceiptLog(log, 0, true);
  }

  /** Timestamps and epochs of every L2 block: advance the epoch when the next L1 block's time came. */
  private List<long[]> skeleton() {
    List<long[]> out = new ArrayList<>();
    long epoch = 0;
    long last = l1.ref(l1.size() - 3).timestamp();
    for (long t = SimScenario.GENESIS_TIME + BLOCK_TIME; t <= last; t += BLOCK_TIME) {
      if (l1.ref(epoch + 1).timestamp() <= t) {
        epoch++;
      }
      out.add(new long[] {t, epoch});
    }
    return out;
  }

  private void buildBlocks(SimPlan plan) {
    L2Txs txs = new L2Txs(rng.fork("l2 txs"), L2_CHAIN_ID);
    L2BlockInfo parent = genesis;
    for (int i = 0; i < plan.times.size(); i++) {
      long t = plan.times.get(i)[0];
      L1BlockRef epoch = l1.ref(plan.times.get(i)[1]);
      List<Bytes> user = new ArrayList<>();
      boolean empty = plan.lost[i] || config.isActivationBlock(Fork.JOVIAN, t) || config.isActivationBlock(Fork.KARST, t);
      int count = empty ? 0 : rng.nextInt(4);
      for (int k = 0; k < count; k++) {
        user.add(txs.next(config.isActive(Fork.ISTHMUS, t)));
      }
      List<Bytes> all = new ArrayList<>();
      all.add(SimEngine.deposit(epoch));
      all.addAll(user);
      L2BlockInfo info = SimEngine.child(config, l1, parent, epoch, t, all);
      blocks.add(new SimBlock(info, epoch, user, plan.lost[i]));
      parent = info;
    }
  }

  /** The L2 block with number {@code n} (1-based: block 0 is genesis). */
  SimBlock block(int n) {
    return blocks.get(n - 1);
  }

  /** A random transaction for decoy batches: a SetCode one when {@code setCode}, else of another type. */
  Bytes randomTx(SimRng r, boolean setCode) {
    L2Txs txs = new L2Txs(r, L2_CHAIN_ID);
    return setCode ? txs.setCode() : txs.next(false);
  }
}
