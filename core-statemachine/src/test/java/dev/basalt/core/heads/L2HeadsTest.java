package dev.basalt.core.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import org.junit.jupiter.api.Test;

class L2HeadsTest {
  private static L2BlockRef ref(long n) {
    byte[] h = new byte[32];
    h[31] = (byte) n;
    h[0] = 2;
    return new L2BlockRef(Hash32.wrap(h), n, Hash32.ZERO, n * 2, BlockId.ZERO, 0);
  }

  @Test
  void keepsFinalizedAtOrBelowSafeAtOrBelowUnsafe() {
    L2Heads heads = new L2Heads();
    heads.reset(ref(10), ref(8), ref(5));
    assertThrows(IllegalStateException.class, () -> heads.setSafe(ref(11)));
    assertThrows(IllegalStateException.class, () -> heads.setUnsafe(ref(7)));
    assertThrows(IllegalStateException.class, () -> heads.setFinalized(ref(9)));
    assertThrows(IllegalStateException.class, () -> heads.reset(ref(5), ref(6), ref(1)));
    heads.setUnsafe(ref(12));
    heads.setSafe(ref(12));
    heads.setFinalized(ref(12));
    assertEquals(ref(12), heads.finalized());
  }

  @Test
  void finalizedNeverMovesBack() {
    L2Heads heads = new L2Heads();
    heads.reset(ref(10), ref(8), ref(5));
    assertThrows(IllegalStateException.class, () -> heads.setFinalized(ref(4)));
    assertEquals(ref(5), heads.finalized());
  }
}
