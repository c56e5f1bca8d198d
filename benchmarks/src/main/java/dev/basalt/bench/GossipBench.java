package dev.basalt.bench;

import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.p2p.SnappyBlock;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.TestConfigs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Block gossip validation: throughput of the core's validator on ~100 KiB v4 blocks (snappy, SSZ,
 * signature recovery, block-hash rebuild, equivocation bookkeeping), the share of each step, and
 * the core's time from a message's event to its verdict and unsafe-payload hand-over, and from a
 * message's arrival to the engine insert command ({@link GossipInsertLatency}).
 */
final class GossipBench {
  private static final SigningKey KEY = SigningKey.fromHex("0x" + "42".repeat(32));

  private GossipBench() {}

  static List<String> run(int rounds, int blocks) {
    CoreConfig config = TestConfigs.core(901);
    RollupConfig rollup = config.rollup();
    long t0 = 1_800_000_000L;
    List<Bytes> messages = new ArrayList<>();
    List<ExecutionPayloadEnvelope> envelopes = new ArrayList<>();
    long compressedBytes = 0;
    for (int i = 0; i < blocks; i++) {
      ExecutionPayloadEnvelope e = block(rollup, i + 1, t0, 100 * 1024, i);
      Bytes signed = GossipMessage.signedBytes(rollup, e);
      Bytes data = GossipMessage.encode(BlockSigning.sign(KEY, GossipMessage.signingHash(901, signed)), signed);
      envelopes.add(e);
      messages.add(data);
      compressedBytes += data.length();
    }
    List<String> lines = new ArrayList<>();
    Measurement full = new Measurement("gossip validation, ~100 KiB v4 blocks (snappy+SSZ+signature+hash)", "blocks", blocks, compressedBytes);
    Measurement snappy = new Measurement("  of which snappy decode", "blocks", blocks, compressedBytes);
    Measurement signature = new Measurement("  of which keccak + signature recovery", "blocks", blocks, compressedBytes);
    Measurement hash = new Measurement("  of which block-hash rebuild (tx trie)", "blocks", blocks, compressedBytes);
    long sink = 0;
    for (int round = 0; round < rounds + 2; round++) {
      GossipValidator v = new GossipValidator();
      v.observeSigner(KEY.address());
      long a = System.nanoTime();
      for (Bytes m : messages) {
        if (v.validate(rollup, 4, m, t0 * 1000).reason() != GossipReason.VALID) {
          throw new IllegalStateException("benchmark block refused");
        }
      }
      long b = System.nanoTime();
      for (Bytes m : messages) {
        try {
          sink += SnappyBlock.decode(m.toArray(), GossipValidator.MAX_GOSSIP_BYTES).length;
        } catch (SnappyBlock.CorruptException e) {
          throw new IllegalStateException(e);
        }
      }
      long c = System.nanoTime();
      for (ExecutionPayloadEnvelope e : envelopes) {
        Bytes signed = GossipMessage.signedBytes(rollup, e);
        Hash32 h = GossipMessage.signingHash(901, signed);
        sink += dev.basalt.core.crypto.Secp256k1.recoverAddress(h, 0, BigInteger.TWO, BigInteger.TEN, false).isPresent() ? 1 : 0;
      }
      long d = System.nanoTime();
      for (ExecutionPayloadEnvelope e : envelopes) {
        sink += PayloadHeader.hash(rollup, e).get(0);
      }
      long f = System.nanoTime();
      if (round >= 2) {
        full.add(b - a);
        snappy.add(c - b);
        signature.add(d - c);
        hash.add(f - d);
      }
    }
    lines.add(full.report());
    lines.add(snappy.report());
    lines.add(signature.report());
    lines.add(hash.report());
    lines.add(latency(config, messages, t0, rounds));
    lines.add(GossipInsertLatency.run(Math.max(blocks * 5, 1_000), 100 * 1024));
    if (sink == 42) {
      lines.add("");
    }
    return lines;
  }

  /**
   * Core.apply of the gossip event: verdict command plus the unsafe payload handed to the engine
   * controller. These synthetic blocks carry no L1-info deposit, so the controller refuses them
   * after the hand-over; {@link GossipInsertLatency} measures real inserts.
   */
  private static String latency(CoreConfig config, List<Bytes> messages, long t0, int rounds) {
    List<Long> nanos = new ArrayList<>();
    int commands = 0;
    for (int round = 0; round < rounds; round++) {
      Core core = new Core();
      core.apply(new NodeStarted(config, t0 * 1000));
      core.apply(new UnsafeBlockSignerObserved(KEY.address()));
      for (int i = 0; i < messages.size(); i++) {
        long a = System.nanoTime();
        List<Command> out = core.apply(new GossipPayloadReceived(t0 * 1000, "peer", 4, messages.get(i), Bytes.of(new byte[20])));
        nanos.add(System.nanoTime() - a);
        if (!(out.get(0) instanceof ResolveGossipMessage r) || r.reason() != GossipReason.VALID) {
          throw new IllegalStateException("benchmark block refused: " + out);
        }
        commands += out.size();
      }
    }
    nanos.sort(null);
    return String.format(Locale.ROOT, "gossip event to verdict + unsafe-payload hand-over (refused: no L1 info) in the core: median %.2f ms, p99 %.2f ms"
        + " (%d events, %.1f commands each)", nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 99 / 100) / 1e6,
        nanos.size(), (double) commands / nanos.size());
  }

  private static ExecutionPayloadEnvelope block(RollupConfig rollup, long number, long timestamp, int txBytes, long seed) {
    List<Bytes> txs = FillerTransactions.of(txBytes, seed);
    ExecutionPayload p = new ExecutionPayload(Keccak.hash(Bytes.fromHex(String.format("0x%016x", number - 1))),
        Address.fromHex("0x4200000000000000000000000000000000000011"), Keccak.hash(Bytes.fromHex(String.format("0x%016x", number))),
        Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO, number, 30_000_000, 21_000L * txs.size(), timestamp, Bytes.EMPTY,
        BigInteger.valueOf(1_000_000), Hash32.ZERO, txs, Optional.of(List.of()), OptionalLong.of(0), OptionalLong.of(0),
        rollup.isActive(Fork.ISTHMUS, timestamp) ? Optional.of(Keccak.hash(Bytes.fromHex("0x77"))) : Optional.empty());
    ExecutionPayloadEnvelope unsealed = new ExecutionPayloadEnvelope(p, Optional.of(Hash32.ZERO));
    Hash32 hash = PayloadHeader.hash(rollup, unsealed);
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(),
        p.baseFeePerGas(), hash, p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot()),
        unsealed.parentBeaconBlockRoot());
  }
}
