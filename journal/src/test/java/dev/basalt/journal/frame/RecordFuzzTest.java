package dev.basalt.journal.frame;

import static org.junit.jupiter.api.Assertions.fail;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.codec.EventCodec;
import dev.basalt.testdata.gen.EventGenerators;
import dev.basalt.testdata.gen.SimRng;
import org.junit.jupiter.api.Test;

/**
 * Garbage must only ever produce {@link JournalCorruptException}: no other exception and no huge
 * allocation (lengths and counts inside payloads are checked against the bytes that remain).
 */
class RecordFuzzTest {
  private static final int CASES = 20_000;

  @Test
  void randomBytesOnlyEverFailAsCorrupt() {
    SimRng rng = new SimRng(11);
    for (int i = 0; i < CASES; i++) {
      byte[] garbage = rng.bytes(rng.nextInt(300));
      if (garbage.length > 0 && rng.chance(1, 2)) {
        // Make the kind valid so the length and CRC checks get exercised too.
        garbage[0] = (byte) (1 + rng.nextInt(3));
      }
      decodeExpectingOnlyCorruption(garbage, i);
    }
  }

  @Test
  void garbagePayloadsWithValidCrcOnlyEverFailAsCorrupt() {
    SimRng rng = new SimRng(12);
    BinaryWriter w = new BinaryWriter();
    for (int i = 0; i < CASES; i++) {
      RecordKind kind = rng.pick(RecordKind.values());
      int tag = rng.chance(1, 10) ? rng.nextInt(0x10000) : 1 + rng.nextInt(12);
      int version = rng.chance(1, 10) ? rng.nextInt(256) : 1;
      byte[] payload = rng.bytes(rng.nextInt(200));
      // Length and count fields full of 0x7f.. or 0xff.. would ask for gigabytes if trusted.
      if (payload.length >= 4 && rng.chance(1, 3)) {
        int at = rng.nextInt(payload.length - 3);
        payload[at] = (byte) (rng.nextBoolean() ? 0x7f : 0xff);
      }
      RecordFormat.encodeRaw(w, kind, tag, version, rng.nextLong(1_000), 0, payload);
      decodeExpectingOnlyCorruption(w.toByteArray(), i);
    }
  }

  @Test
  void mutatedValidRecordsWithRecomputedCrcOnlyEverFailAsCorrupt() {
    SimRng rng = new SimRng(13);
    BinaryWriter w = new BinaryWriter();
    for (int i = 0; i < CASES / 4; i++) {
      InputEvent event = EventGenerators.any(rng);
      BinaryWriter payloadWriter = new BinaryWriter();
      EventCodec.encode(payloadWriter, event);
      byte[] payload = payloadWriter.toByteArray();
      if (payload.length == 0) {
        continue;
      }
      for (int flips = 1 + rng.nextInt(4); flips > 0; flips--) {
        payload[rng.nextInt(payload.length)] = (byte) rng.nextLong();
      }
      RecordFormat.encodeRaw(
          w, RecordKind.INPUT, EventCodec.tag(event), 1, i, 0, payload);
      decodeExpectingOnlyCorruption(w.toByteArray(), i);
    }
  }

  private static void decodeExpectingOnlyCorruption(byte[] bytes, int caseNumber) {
    try {
      RecordFormat.decode("inputs", caseNumber, bytes, 0, bytes.length);
    } catch (JournalCorruptException expected) {
      // The only acceptable failure.
    } catch (RuntimeException | OutOfMemoryError e) {
      fail("case " + caseNumber + " threw " + e, e);
    }
  }
}
