package dev.basalt.adapters.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.testdata.gen.SimRng;
import org.junit.jupiter.api.Test;

class SlotClockTest {
  /** Ethereum mainnet: beacon genesis 1606824023, 12 s slots. */
  private static final SlotClock MAINNET = new SlotClock(1606824023L, 12);

  @Test
  void realMainnetSlots() {
    assertEquals(0, MAINNET.slotAt(1606824023L));
    // Dencun activated at epoch 269568 = slot 8626176, timestamp 1710338135.
    assertEquals(8626176, MAINNET.slotAt(1710338135L));
    assertEquals(8626176, MAINNET.slotAt(1710338135L + 11), "a timestamp inside a slot belongs to it");
  }

  @Test
  void beforeGenesisIsAnError() {
    assertEquals("timestamp 5 precedes the beacon genesis time 10",
        assertThrows(IllegalArgumentException.class, () -> new SlotClock(10, 12).slotAt(5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SlotClock(10, 0));
  }

  @Test
  void slotStartsMapBackToTheirSlot() {
    SimRng rng = new SimRng(0x5107L);
    for (int i = 0; i < 1000; i++) {
      long genesis = rng.between(0, 2_000_000_000L);
      long seconds = rng.between(1, 24);
      long slot = rng.between(0, 50_000_000L);
      SlotClock c = new SlotClock(genesis, seconds);
      assertEquals(slot, c.slotAt(genesis + slot * seconds));
      assertEquals(slot, c.slotAt(genesis + slot * seconds + seconds - 1));
    }
  }
}
