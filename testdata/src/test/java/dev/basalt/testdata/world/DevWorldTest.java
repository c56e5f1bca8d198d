package dev.basalt.testdata.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.Fork;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1HeadObserved;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevWorldTest {
  @Test
  void devnetConfigSchedulesEveryForkTwoMinutesApartAndMatchesTheWorld() {
    var config = DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, 1_000_000, 2);
    assertEquals(DevWorld.L2_CHAIN_ID, config.l2ChainId());
    long t = 1_000_000 + DevWorld.FORK_GAP_SECONDS;
    for (Fork f : Fork.values()) {
      assertEquals(t, config.rollup().forks().activation(f).getAsLong(), f.name());
      t += DevWorld.FORK_GAP_SECONDS;
    }
    assertEquals(config, DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, 1_000_000, 2), "a pure function of its parameters");
  }

  @Test
  void devnetAnswersOnItsOwnThread() throws Exception {
    LinkedBlockingQueue<InputEvent> events = new LinkedBlockingQueue<>();
    long genesis = System.currentTimeMillis() / 1000 - 30;
    try (DevWorld dev = new DevWorld(DevWorld.L2_CHAIN_ID, genesis, 2, 50, events::add)) {
      dev.start();
      assertInstanceOf(L1HeadObserved.class, events.poll(10, TimeUnit.SECONDS));
      events.clear();
      dev.handle(new FetchEngineHeads(7));
      dev.handle(new FetchL1Block(8, 1));
      boolean heads = false;
      boolean block = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(heads && block) && System.nanoTime() < deadline) {
        InputEvent e = events.poll(1, TimeUnit.SECONDS);
        if (e instanceof EngineResponseReceived r && r.correlationId() == 7) {
          var h = assertInstanceOf(EngineResponse.Heads.class, r.response());
          assertEquals(DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, genesis, 2).rollup().genesis().l2(), h.unsafe().id());
          heads = true;
        }
        block |= e instanceof L1BlockFetched f && f.correlationId() == 8;
      }
      assertTrue(heads && block, "both answered");
    }
  }
}
