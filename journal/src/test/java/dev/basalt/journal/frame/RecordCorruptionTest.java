package dev.basalt.journal.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.testdata.gen.SimRng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RecordCorruptionTest {
  private static final long INDEX = 4_294_967_337L;

  @Test
  void everySingleBitFlipIsDetected() {
    byte[] good = FrameFixtures.smallInput(41);
    for (int bit = 0; bit < good.length * 8; bit++) {
      byte[] bad = good.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertCorrupt(() -> decode(bad), "bit " + bit);
    }
  }

  @Test
  void everyTruncationIsDetected() {
    byte[] good = FrameFixtures.output(12, new SimRng(5));
    for (int length = 0; length < good.length; length++) {
      byte[] prefix = Arrays.copyOf(good, length);
      assertCorrupt(() -> decode(prefix), "prefix " + length);
    }
  }

  @Test
  void truncationIsReportedAsSuch() {
    byte[] good = FrameFixtures.smallInput(1);
    byte[] prefix = Arrays.copyOf(good, good.length - 3);
    assertTrue(assertCorrupt(() -> decode(prefix), "prefix").getMessage().contains("truncated"));
  }

  @Test
  void bitFlipIsReportedAsCrcMismatch() {
    byte[] bad = FrameFixtures.smallInput(1);
    bad[bad.length - 6] ^= 0x10;
    assertTrue(assertCorrupt(() -> decode(bad), "flip").getMessage().contains("CRC32C mismatch"));
  }

  @Test
  void trailingBytesAreALengthMismatch() {
    byte[] good = FrameFixtures.smallInput(1);
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertTrue(assertCorrupt(() -> decode(longer), "longer").getMessage().contains("length mismatch"));
  }

  @Test
  void wrongPayloadLengthFieldIsALengthMismatchOrTruncation() {
    byte[] good = FrameFixtures.smallInput(1);
    int lengthAt = RecordKind.INPUT.headerBytes() - 4;
    for (int delta : new int[] {-1, 1, Integer.MIN_VALUE}) {
      byte[] bad = good.clone();
      int length = RecordFormat.readI32(bad, lengthAt) + delta;
      bad[lengthAt] = (byte) (length >>> 24);
      bad[lengthAt + 1] = (byte) (length >>> 16);
      bad[lengthAt + 2] = (byte) (length >>> 8);
      bad[lengthAt + 3] = (byte) length;
      String message = assertCorrupt(() -> decode(bad), "delta " + delta).getMessage();
      assertTrue(message.contains("length mismatch") || message.contains("truncated"), message);
    }
  }

  @Test
  void unknownKindTagAndVersionAreReported() {
    byte[] unknownKind = FrameFixtures.smallInput(1);
    unknownKind[0] = 9;
    assertTrue(assertCorrupt(() -> decode(unknownKind), "kind").getMessage().contains("unknown record kind 9"));

    byte[] unknownTag = FrameFixtures.raw(RecordKind.INPUT, 4242, 1, 3, new byte[8]);
    assertTrue(assertCorrupt(() -> decode(unknownTag), "tag").getMessage().contains("unknown input event type tag 4242"));

    byte[] unknownOutputTag = FrameFixtures.raw(RecordKind.OUTPUT, 2, 1, 3, new byte[5]);
    assertTrue(assertCorrupt(() -> decode(unknownOutputTag), "output tag").getMessage().contains("unknown output record type tag 2"));

    byte[] futureVersion = FrameFixtures.raw(RecordKind.INPUT, 2, 2, 3, new byte[8]);
    assertTrue(assertCorrupt(() -> decode(futureVersion), "version").getMessage().contains("unsupported version 2"));

    byte[] headerWithSeq = FrameFixtures.raw(RecordKind.HEADER, 1, 1, 3, new byte[0]);
    assertTrue(assertCorrupt(() -> decode(headerWithSeq), "header seq").getMessage().contains("bad sequence number"));
  }

  @Test
  void sequenceGapsAreReportedWithTheirIndex() {
    SequenceCheck inputs = SequenceCheck.contiguous("inputs");
    inputs.accept(10, 5);
    inputs.accept(11, 6);
    JournalCorruptException gap = assertThrows(JournalCorruptException.class, () -> inputs.accept(12, 8));
    assertEquals(12, gap.index());
    assertTrue(gap.getMessage().contains("inputs record at index 12") && gap.getMessage().contains("sequence gap: expected 7, found 8"));

    SequenceCheck outputs = SequenceCheck.increasing("outputs");
    outputs.expectAfter(3);
    outputs.accept(1, 4);
    outputs.accept(2, 9);
    JournalCorruptException back = assertThrows(JournalCorruptException.class, () -> outputs.accept(3, 9));
    assertEquals("outputs", back.stream());
    assertTrue(back.getMessage().contains("index 3"));
  }

  private static void decode(byte[] bytes) {
    RecordFormat.decode("inputs", INDEX, bytes, 0, bytes.length);
  }

  private static JournalCorruptException assertCorrupt(Executable decode, String what) {
    JournalCorruptException e = assertThrows(JournalCorruptException.class, decode, what);
    assertEquals(INDEX, e.index(), what);
    assertTrue(e.getMessage().contains("record at index " + INDEX), what + ": " + e.getMessage());
    return e;
  }
}
