package dev.basalt.testdata.world.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TrueChain}'s indexes (origin runs, blocks by channel transaction) against plain scans of the chain. */
class TrueChainTest {
  private static Hash32 hash(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash32.wrap(b);
  }

  /** The previous truncation: a scan of every kept block. */
  private static long referenceTruncate(List<TrueBlock> blocks, Map<Long, List<Hash32>> channels, long genesis, long number) {
    Set<Hash32> lost = new HashSet<>();
    while (blocks.get(blocks.size() - 1).number() >= number && blocks.size() > 1) {
      List<Hash32> txs = channels.remove(blocks.get(blocks.size() - 1).number());
      if (txs != null) {
        lost.addAll(txs);
      }
      blocks.remove(blocks.size() - 1);
    }
    long repostFrom = number;
    for (TrueBlock b : blocks) {
      List<Hash32> txs = channels.get(b.number());
      if (!lost.isEmpty() && b.number() != genesis && txs != null && txs.stream().anyMatch(lost::contains)) {
        channels.remove(b.number());
        repostFrom = Math.min(repostFrom, b.number());
      }
    }
    return repostFrom;
  }

  @Test
  void originRunsAndTruncationMatchPlainScans() {
    TrueBlock genesis = SimWorld.create(SimWorldConfig.defaults(3)).trueChain().genesis();
    SplittableRandom random = new SplittableRandom(17);
    TrueChain chain = new TrueChain(genesis);
    List<TrueBlock> blocks = new ArrayList<>(List.of(genesis));
    Map<Long, List<Hash32>> channels = new HashMap<>();
    List<Hash32> origins = new ArrayList<>(List.of(genesis.ref().l1Origin().hash()));
    List<Hash32> txPool = new ArrayList<>();
    int reposts = 0;
    for (int step = 0; step < 4000; step++) {
      int action = random.nextInt(10);
      TrueBlock head = blocks.get(blocks.size() - 1);
      if (action < 6) {
        Hash32 origin = switch (random.nextInt(4)) {
          case 0 -> hash(random);
          case 1 -> origins.get(random.nextInt(origins.size())); // an older origin again (not adjacent)
          default -> head.ref().l1Origin().hash();
        };
        origins.add(origin);
        L2BlockRef ref = new L2BlockRef(hash(random), head.number() + 1, head.ref().hash(), head.ref().timestamp() + 2,
            new BlockId(origin, 1), 0);
        TrueBlock b = new TrueBlock(genesis.envelope(), new L2BlockInfo(ref, genesis.info().systemConfig(), List.of()));
        chain.append(b);
        blocks.add(b);
      } else if (action < 9 && blocks.size() > 1) {
        int from = 1 + random.nextInt(blocks.size() - 1);
        int to = Math.min(blocks.size(), from + 1 + random.nextInt(6));
        List<Long> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
          numbers.add(blocks.get(i).number());
        }
        List<Hash32> txs = new ArrayList<>();
        for (int i = random.nextInt(3) + 1; i > 0; i--) {
          Hash32 tx = random.nextInt(5) == 0 && !txPool.isEmpty() ? txPool.get(random.nextInt(txPool.size())) : hash(random);
          txPool.add(tx);
          txs.add(tx);
        }
        chain.recordChannel(numbers, txs);
        numbers.forEach(n -> channels.put(n, List.copyOf(txs)));
      } else {
        long number = genesis.number() + 1 + random.nextInt(blocks.size() + 2);
        long expected = referenceTruncate(blocks, channels, genesis.number(), number);
        assertEquals(expected, chain.truncateFrom(number), "step " + step);
        reposts += expected < number ? 1 : 0;
      }
      List<TrueBlock> firsts = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++) {
        if (i == 0 || !blocks.get(i).ref().l1Origin().hash().equals(blocks.get(i - 1).ref().l1Origin().hash())) {
          firsts.add(blocks.get(i));
        }
      }
      List<TrueBlock> runFirsts = new ArrayList<>();
      for (int run = 0; run < chain.originRuns(); run++) {
        runFirsts.add(chain.originRunFirst(run));
      }
      assertEquals(firsts, runFirsts);
      assertEquals(blocks.get(blocks.size() - 1), chain.head());
      for (int i = 0; i < blocks.size() + 3; i++) {
        long n = genesis.number() + i;
        assertEquals(channels.getOrDefault(n, List.of()), chain.channelTxs(n), "block " + n);
      }
    }
    assertTrue(reposts > 20, "truncations that repost an earlier block: " + reposts);
  }
}
