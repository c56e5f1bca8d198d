package dev.basalt.core.derive.pipeline;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An engine stand-in: builds each derived block by hashing its inputs, reads the L1 origin back
 * from {@link FakePreparer}'s deposit, and serves the chain it built as the L2 view.
 */
public final class FakeEngine implements L2ChainView {
  private final TreeMap<Long, L2BlockInfo> blocks = new TreeMap<>();
  public final List<AttributesWithParent> applied = new ArrayList<>();
  /** Blocks the view pretends not to have (to exercise NeedL2Block). */
  public final List<Long> hidden = new ArrayList<>();

  public FakeEngine(L2BlockInfo genesisOrSafe) {
    blocks.put(genesisOrSafe.ref().number(), genesisOrSafe);
  }

  public void add(L2BlockInfo block) {
    blocks.put(block.ref().number(), block);
  }

  /** Builds the block of {@code a} on its parent and makes it the newest block. */
  public L2BlockInfo build(AttributesWithParent a) {
    L2BlockInfo parent = blocks.get(a.parent().number());
    Bytes deposit = a.attributes().transactions().get(0);
    byte[] d = deposit.toArray();
    Hash32 epochHash = Hash32.wrap(d, 1);
    long epochNumber = 0;
    for (int i = 0; i < 8; i++) {
      epochNumber = (epochNumber << 8) | (d[33 + i] & 0xff);
    }
    long seq = parent.ref().l1Origin().number() == epochNumber ? parent.ref().sequenceNumber() + 1 : 0;
    byte[][] parts = new byte[a.attributes().transactions().size() + 2][];
    parts[0] = a.parent().hash().toArray();
    parts[1] = Bytes.fromHex(String.format("0x%016x", a.attributes().timestamp())).toArray();
    for (int i = 0; i < a.attributes().transactions().size(); i++) {
      parts[i + 2] = Keccak.hash(a.attributes().transactions().get(i)).toArray();
    }
    L2BlockRef ref = new L2BlockRef(Keccak.hash(parts), a.parent().number() + 1, a.parent().hash(), a.attributes().timestamp(),
        new BlockId(epochHash, epochNumber), seq);
    SystemConfig sys = parent.systemConfig();
    L2BlockInfo info = new L2BlockInfo(ref, sys, a.attributes().transactions());
    blocks.tailMap(ref.number(), true).clear();
    blocks.put(ref.number(), info);
    applied.add(a);
    return info;
  }

  public L2BlockInfo head() {
    return blocks.lastEntry().getValue();
  }

  @Override
  public Optional<L2BlockInfo> blockByNumber(long number) {
    return hidden.contains(number) ? Optional.empty() : Optional.ofNullable(blocks.get(number));
  }
}
