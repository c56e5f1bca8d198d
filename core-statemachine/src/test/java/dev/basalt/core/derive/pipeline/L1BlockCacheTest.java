package dev.basalt.core.derive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The L1 block cache: bounded, never evicting what was just asked for, inbox bytes dropped. */
class L1BlockCacheTest {
  private final List<L1BlockRef> chain = Fixtures.l1Chain(0, 0, 12, 24, 36, 48, 60, 72);

  @Test
  void evictsTheLowestOtherBlockPastItsCapacity() {
    L1BlockCache cache = new L1BlockCache(4);
    for (int n = 2; n <= 5; n++) {
      cache.put(L1Txs.block(chain.get(n)));
    }
    cache.put(L1Txs.block(chain.get(1)));
    assertNotNull(cache.get(1), "the block just stored stays, even though it is the lowest");
    assertNull(cache.get(2));
    assertEquals(4, cache.size());
    cache.put(L1Txs.block(chain.get(6)));
    assertNull(cache.get(1));
    assertEquals(4, cache.size());
  }

  @Test
  void inboxBytesAreDroppedButTheBlockStays() {
    L1BlockCache cache = new L1BlockCache(8);
    cache.put(L1Txs.block(chain.get(1), Bytes.fromHex("0x01")));
    cache.put(L1Txs.block(chain.get(2), Bytes.fromHex("0x02")));
    cache.dropInboxBelow(2);
    assertNull(cache.getWithInbox(1));
    assertTrue(cache.get(1).inboxTransactions().isEmpty());
    assertNotNull(cache.getWithInbox(2));
    BinaryWriter w = new BinaryWriter();
    cache.writeTo(w);
    L1BlockCache back = new L1BlockCache(8);
    back.readFrom(new BinaryReader(w.toByteArray()));
    assertNull(back.getWithInbox(1), "the dropped flag survives a snapshot");
    assertEquals(cache.get(2), back.getWithInbox(2));
    cache.dropBelow(2);
    assertNull(cache.get(1));
  }
}
