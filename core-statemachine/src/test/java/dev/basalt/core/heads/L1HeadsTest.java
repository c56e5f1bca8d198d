package dev.basalt.core.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import org.junit.jupiter.api.Test;

class L1HeadsTest {
  private static L1BlockRef ref(long n) {
    byte[] h = new byte[32];
    h[31] = (byte) n;
    h[0] = 1;
    return new L1BlockRef(Hash32.wrap(h), n, Hash32.ZERO, n * 12);
  }

  @Test
  void staleHeadBelowFinalizedIsIgnored() {
    L1Heads heads = new L1Heads();
    assertTrue(heads.observeHead(ref(100)));
    assertTrue(heads.observeFinalized(ref(90)));
    assertFalse(heads.observeHead(ref(80)));
    assertEquals(ref(100), heads.head());
  }

  @Test
  void finalizedAboveHeadLiftsHeadAndSafe() {
    L1Heads heads = new L1Heads();
    heads.observeHead(ref(10));
    heads.observeFinalized(ref(20));
    assertEquals(ref(20), heads.head());
    assertEquals(ref(20), heads.safe());
  }

  @Test
  void finalityNeverMovesBack() {
    L1Heads heads = new L1Heads();
    heads.observeFinalized(ref(20));
    assertFalse(heads.observeFinalized(ref(19)));
    assertEquals(ref(20), heads.finalized());
  }

  @Test
  void headReorgBelowSafePullsSafeDown() {
    L1Heads heads = new L1Heads();
    heads.observeHead(ref(50));
    heads.observeSafe(ref(45));
    heads.observeHead(ref(44));
    assertEquals(ref(44), heads.safe());
  }
}
