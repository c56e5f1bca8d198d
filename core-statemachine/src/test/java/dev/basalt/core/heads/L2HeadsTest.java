package dev.basalt.core.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class L2HeadsTest {
  private static L2BlockInfo block(long n) {
    byte[] h = new byte[32];
    h[31] = (byte) n;
    h[0] = 2;
    L2BlockRef ref = new L2BlockRef(Hash32.wrap(h), n, Hash32.ZERO, n * 2, BlockId.ZERO, 0);
    return new L2BlockInfo(ref, L2Heads.UNKNOWN.systemConfig(), List.of());
  }

  @Test
  void aResetSetsPendingAndLocalSafeToSafe() {
    L2Heads heads = new L2Heads();
    heads.forceReset(block(10), block(8), block(5));
    assertEquals(block(8), heads.pendingSafe());
    assertEquals(block(8), heads.localSafe());
    assertEquals(block(8), heads.safe());
    assertThrows(IllegalStateException.class, () -> heads.forceReset(block(5), block(6), block(1)));
    assertThrows(IllegalStateException.class, () -> heads.forceReset(block(9), block(8), block(9)));
  }

  @Test
  void derivedBlocksAdvancePendingSafeAndSafeOnlyWhenTheyConclude() {
    L2Heads heads = new L2Heads();
    heads.forceReset(block(10), block(5), block(5));
    heads.promoteDerived(block(6), false, false);
    assertEquals(block(6), heads.pendingSafe());
    assertEquals(block(5), heads.safe());
    assertEquals(block(10), heads.unsafe(), "consolidation keeps the tip");
    heads.promoteDerived(block(7), true, true);
    assertEquals(block(7), heads.unsafe(), "a built block replaces the tip");
    assertEquals(block(7), heads.localSafe());
    assertEquals(block(7), heads.safe());
  }

  @Test
  void droppedAttributesRevertPendingSafeToLocalSafe() {
    L2Heads heads = new L2Heads();
    heads.forceReset(block(10), block(5), block(3));
    heads.promoteDerived(block(6), false, false);
    heads.revertPendingSafe();
    assertEquals(block(5), heads.pendingSafe());
  }

  @Test
  void finalizedNeverMovesBackNorPassesSafe() {
    L2Heads heads = new L2Heads();
    heads.forceReset(block(10), block(8), block(5));
    assertThrows(IllegalStateException.class, () -> heads.promoteFinalized(block(4)));
    assertThrows(IllegalStateException.class, () -> heads.promoteFinalized(block(9)));
    heads.promoteFinalized(block(8));
    assertEquals(block(8), heads.finalized());
    assertThrows(IllegalStateException.class, () -> heads.promoteUnsafe(block(7)), "unsafe below pending-safe");
  }

  @Test
  void snapshotsRoundTripIncludingUnknownHeads() {
    L2Heads heads = new L2Heads();
    heads.promoteUnsafe(block(4));
    BinaryWriter w = new BinaryWriter();
    heads.writeTo(w);
    L2Heads back = new L2Heads();
    back.readFrom(new BinaryReader(w.toByteArray()));
    assertEquals(block(4), back.unsafe());
    assertEquals(L2Heads.UNKNOWN, back.safe());
  }
}
