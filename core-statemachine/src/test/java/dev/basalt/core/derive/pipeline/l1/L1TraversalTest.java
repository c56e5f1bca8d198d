package dev.basalt.core.derive.pipeline.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-node's {@code l1_traversal_test.go}: hand-out once, advance, reorg detection, config updates. */
class L1TraversalTest {
  private final RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
  private final L1BlockCache cache = new L1BlockCache(16);
  private final List<L1BlockRef> chain = Fixtures.l1Chain(10, 120, 132, 144);

  @Test
  void handsOutTheOriginOnceThenEof() {
    L1Traversal t = new L1Traversal(cfg, cache);
    t.reset(chain.get(0), cfg.genesis().systemConfig());
    assertEquals(Pull.value(chain.get(0)), t.nextL1Block());
    assertInstanceOf(Pull.Eof.class, t.nextL1Block());
  }

  @Test
  void advancingWithoutTheNextBlockIsIdle() {
    L1Traversal t = new L1Traversal(cfg, cache);
    t.reset(chain.get(0), cfg.genesis().systemConfig());
    assertEquals(new Pull.Halt<L1BlockRef>(new StepResult.Idle(chain.get(0))), t.advance());
    cache.put(L1Txs.block(chain.get(1)));
    assertEquals(Pull.value(chain.get(1)), t.advance());
    assertEquals(chain.get(1), t.origin());
    assertEquals(Pull.value(chain.get(1)), t.nextL1Block(), "the new origin is handed out once");
  }

  @Test
  void aBlockThatDoesNotBuildOnTheOriginIsAReorg() {
    L1Traversal t = new L1Traversal(cfg, cache);
    t.reset(chain.get(0), cfg.genesis().systemConfig());
    L1BlockRef fork = new L1BlockRef(Fixtures.hash(7, 11), 11, Fixtures.hash(7, 10), 132);
    cache.put(L1Txs.block(fork));
    Pull<L1BlockRef> r = t.advance();
    StepResult.Reset reset = assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<L1BlockRef>) r).result());
    assertEquals(true, reset.reason().contains("reorg"));
    assertEquals(chain.get(0), t.origin(), "the origin does not move on a reorg");
  }

  @Test
  void configUpdatesOfTheNewBlockChangeTheBatcher() {
    L1Traversal t = new L1Traversal(cfg, cache);
    t.reset(chain.get(0), cfg.genesis().systemConfig());
    Address next = L1Txs.STRANGER.address();
    cache.put(L1Txs.block(chain.get(1), List.of(), List.of(L1Txs.batcherUpdate(Fixtures.SYSTEM_CONFIG, next, 0))));
    t.advance();
    assertEquals(next, t.systemConfig().batcherAddress());
    cache.put(L1Txs.block(chain.get(2), List.of(), List.of(L1Txs.batcherUpdate(Address.ZERO, L1Txs.BATCHER.address(), 0))));
    t.advance();
    assertEquals(next, t.systemConfig().batcherAddress(), "logs of other contracts are not config updates");
  }
}
