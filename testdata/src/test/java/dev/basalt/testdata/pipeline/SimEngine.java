package dev.basalt.testdata.pipeline;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.AttributesPreparer;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.sysconfig.SystemConfigUpdater;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The engine and attributes builder stand-ins of generated-chain tests. A block's hash commits to
 * its parent, time and transactions; its L1 origin is read back from the one fake deposit the
 * preparer puts first ({@code 0x7e ++ epoch hash ++ epoch number}); its system config is the
 * parent's with the new epoch's {@code ConfigUpdate} logs applied, as a real L1-info deposit
 * would carry. The chain model builds its expected blocks with the same {@link #child} function.
 */
final class SimEngine implements L2ChainView {
  private final RollupConfig config;
  private final SimL1 l1;
  private final TreeMap<Long, L2BlockInfo> blocks = new TreeMap<>();
  final List<AttributesWithParent> applied = new ArrayList<>();

  SimEngine(RollupConfig config, SimL1 l1, L2BlockInfo genesis) {
    this.config = config;
    this.l1 = l1;
    blocks.put(genesis.ref().number(), genesis);
  }

  static Bytes deposit(L1BlockRef epoch) {
    byte[] out = new byte[1 + 32 + 8];
    out[0] = 0x7e;
    epoch.hash().copyTo(out, 1);
    for (int i = 0; i < 8; i++) {
      out[33 + i] = (byte) (epoch.number() >>> (56 - 8 * i));
    }
    return Bytes.wrapOwned(out);
  }

  /** The block built on {@code parent} at {@code timestamp} with these transactions (deposit first). */
  static L2BlockInfo child(RollupConfig config, SimL1 l1, L2BlockInfo parent, L1BlockRef epoch, long timestamp, List<Bytes> txs) {
    byte[][] parts = new byte[txs.size() + 2][];
    parts[0] = parent.ref().hash().toArray();
    parts[1] = Bytes.fromHex(String.format("0x%016x", timestamp)).toArray();
    for (int i = 0; i < txs.size(); i++) {
      parts[i + 2] = Keccak.hash(txs.get(i)).toArray();
    }
    boolean newEpoch = parent.ref().l1Origin().number() != epoch.number();
    long seq = newEpoch ? 0 : parent.ref().sequenceNumber() + 1;
    SystemConfig sys = newEpoch
        ? SystemConfigUpdater.apply(parent.systemConfig(), l1.logs(epoch.number()), config, epoch.timestamp()).config()
        : parent.systemConfig();
    L2BlockRef ref = new L2BlockRef(Keccak.hash(parts), parent.ref().number() + 1, parent.ref().hash(), timestamp, epoch.id(), seq);
    return new L2BlockInfo(ref, sys, txs);
  }

  /** Builds the block of {@code a} and makes it the head (later blocks are replaced). */
  L2BlockInfo build(AttributesWithParent a) {
    L2BlockInfo parent = blocks.get(a.parent().number());
    if (parent == null || !parent.ref().equals(a.parent())) {
      throw new AssertionError("attributes on unknown parent " + a.parent());
    }
    byte[] d = a.attributes().transactions().get(0).toArray();
    long epochNumber = 0;
    for (int i = 0; i < 8; i++) {
      epochNumber = (epochNumber << 8) | (d[33 + i] & 0xff);
    }
    L1BlockRef epoch = l1.ref(epochNumber);
    if (!epoch.hash().equals(Hash32.wrap(d, 1))) {
      throw new AssertionError("deposit names an L1 block that is not canonical");
    }
    L2BlockInfo info = child(config, l1, parent, epoch, a.attributes().timestamp(), a.attributes().transactions());
    blocks.tailMap(info.ref().number(), true).clear();
    blocks.put(info.ref().number(), info);
    applied.add(a);
    return info;
  }

  L2BlockInfo head() {
    return blocks.lastEntry().getValue();
  }

  @Override
  public Optional<L2BlockInfo> blockByNumber(long number) {
    return Optional.ofNullable(blocks.get(number));
  }

  /** The attributes builder stand-in: the fake deposit and the parent's gas limit. */
  static final class Preparer implements AttributesPreparer {
    @Override
    public PrepareOutcome prepare(L2BlockInfo parent, L1Block epoch, long timestamp) {
      PayloadAttributes attrs = new PayloadAttributes(timestamp, epoch.mixHash(), Address.ZERO, Optional.of(List.of()),
          Optional.empty(), List.of(deposit(epoch.ref())), true, parent.systemConfig().gasLimit(), Optional.empty(), OptionalLong.empty());
      return new PrepareOutcome.Prepared(attrs, parent.systemConfig());
    }
  }
}
