package dev.basalt.journal.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.gen.CommandGenerators;
import dev.basalt.testdata.gen.EventGenerators;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
  @Test
  void inputRecordsRoundTrip() {
    BinaryWriter w = new BinaryWriter();
    for (long seed = 0; seed < 3_000; seed++) {
      SimRng rng = new SimRng(seed);
      InputEvent event = EventGenerators.any(rng);
      long seq = ValueGenerators.u63(rng);
      long ingestMillis = ValueGenerators.anyLong(rng);
      RecordFormat.encodeInput(w, seq, ingestMillis, event);
      byte[] bytes = w.toByteArray();
      DecodedRecord decoded = RecordFormat.decode("inputs", seed, bytes, 0, bytes.length);
      assertEquals(new InputRecord(seq, ingestMillis, event), assertInstanceOf(DecodedRecord.Input.class, decoded).record());
      RecordFormat.encodeInput(w, seq, ingestMillis, event);
      assertArrayEquals(bytes, w.toByteArray());
    }
  }

  @Test
  void outputRecordsRoundTrip() {
    BinaryWriter w = new BinaryWriter();
    for (long seed = 0; seed < 3_000; seed++) {
      SimRng rng = new SimRng(seed);
      Optional<Hash32> hash = rng.nextBoolean() ? Optional.of(ValueGenerators.hash(rng)) : Optional.empty();
      OutputRecord record = new OutputRecord(ValueGenerators.u63(rng), CommandGenerators.list(rng, 6), hash);
      RecordFormat.encodeOutput(w, record);
      byte[] bytes = w.toByteArray();
      DecodedRecord decoded = RecordFormat.decode("outputs", seed, bytes, 0, bytes.length);
      assertEquals(record, assertInstanceOf(DecodedRecord.Output.class, decoded).record());
      assertEquals(record.inputSeq(), decoded.seq());
    }
  }

  @Test
  void headerRecordsRoundTripAtAnOffset() {
    BinaryWriter w = new BinaryWriter();
    RecordFormat.encodeHeader(w, FrameFixtures.HEADER);
    byte[] padded = new byte[w.size() + 10];
    System.arraycopy(w.buffer(), 0, padded, 3, w.size());
    DecodedRecord decoded = RecordFormat.decode("inputs", 0, padded, 3, w.size());
    assertEquals(FrameFixtures.HEADER, assertInstanceOf(DecodedRecord.Header.class, decoded).header());
  }
}
