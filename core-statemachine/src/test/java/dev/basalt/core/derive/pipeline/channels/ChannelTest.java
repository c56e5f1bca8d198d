package dev.basalt.core.derive.pipeline.channels;

import static dev.basalt.core.derive.pipeline.Fixtures.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.types.L1BlockRef;
import org.junit.jupiter.api.Test;

/** The frame rules of one channel and its size bookkeeping (kona's frame validity cases). */
class ChannelTest {
  private static final L1BlockRef BLOCK = L1BlockRef.ZERO;

  private static Channel channel() {
    return new Channel(Fixtures.channelId("ch"), BLOCK, false);
  }

  @Test
  void wrongChannelIsRefused() {
    Channel c = channel();
    assertNotNull(c.addFrame(frame("other:0:x"), BLOCK));
    assertEquals(0, c.size());
  }

  @Test
  void doubleCloseIsRefused() {
    Channel c = channel();
    assertNull(c.addFrame(frame("ch:2:four!"), BLOCK));
    assertNotNull(c.addFrame(frame("ch:1:!"), BLOCK));
    assertEquals(204, c.size());
  }

  @Test
  void duplicateFramesAreRefused() {
    Channel c = channel();
    assertNull(c.addFrame(frame("ch:2:four"), BLOCK));
    assertNotNull(c.addFrame(frame("ch:2:seven"), BLOCK));
    assertNotNull(c.addFrame(frame("ch:2:seven!"), BLOCK));
    assertEquals(204, c.size());
  }

  @Test
  void framesAtOrPastTheClosingFrameAreRefused() {
    Channel c = channel();
    assertNull(c.addFrame(frame("ch:2:four!"), BLOCK));
    assertNotNull(c.addFrame(frame("ch:10:seven"), BLOCK));
    assertEquals(204, c.size());
  }

  @Test
  void contiguousFramesMakeAReadyChannel() {
    Channel c = channel();
    assertNull(c.addFrame(frame("ch:0:seven"), BLOCK));
    assertFalse(c.isReady());
    assertNull(c.addFrame(frame("ch:1:four!"), BLOCK));
    assertTrue(c.isReady());
    assertEquals(409, c.size());
    assertEquals("sevenfour", Fixtures.text(c.data()));
  }

  @Test
  void gapsKeepTheChannelUnready() {
    Channel c = channel();
    c.addFrame(frame("ch:1:seven__"), BLOCK);
    c.addFrame(frame("ch:2:four!"), BLOCK);
    assertEquals(411, c.size());
    assertFalse(c.isReady());
  }

  @Test
  void aLateClosingFramePrunesLaterFramesAndResetsTheSizeLikeOpNode() {
    Channel c = channel();
    c.addFrame(frame("ch:0:aa"), BLOCK);
    c.addFrame(frame("ch:3:bbb"), BLOCK);
    c.addFrame(frame("ch:5:cccc"), BLOCK);
    assertEquals(3 * 200 + 2 + 3 + 4, c.size());
    assertNull(c.addFrame(frame("ch:2:z!"), BLOCK));
    // op-node and kona subtract every buffered frame's size, then add the closing frame's.
    assertEquals(201, c.size());
    assertEquals(2, c.frameCount(), "frames 3 and 5 are gone, 0 and 2 remain");
    assertNull(c.addFrame(frame("ch:1:y"), BLOCK));
    assertTrue(c.isReady());
    assertEquals("aayz", Fixtures.text(c.data()));
  }

  @Test
  void inOrderChannelsRefuseGaps() {
    Channel c = new Channel(Fixtures.channelId("ch"), BLOCK, true);
    assertNull(c.addFrame(frame("ch:0:a"), BLOCK));
    assertNotNull(c.addFrame(frame("ch:2:c"), BLOCK));
    assertNull(c.addFrame(frame("ch:1:b!"), BLOCK));
    assertTrue(c.isReady());
  }

  @Test
  void snapshotRoundTrips() {
    Channel c = channel();
    c.addFrame(frame("ch:0:aa"), BLOCK);
    c.addFrame(frame("ch:2:cc!"), BLOCK);
    BinaryWriter w = new BinaryWriter();
    c.writeTo(w);
    Channel back = Channel.readFrom(new BinaryReader(w.toByteArray()));
    assertEquals(c.size(), back.size());
    assertNull(back.addFrame(frame("ch:1:bb"), BLOCK));
    assertEquals("aabbcc", Fixtures.text(back.data()));
  }
}
