package dev.basalt.journal.frame;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.gen.CommandGenerators;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.util.Optional;

/** Small encoded records for framing tests. */
final class FrameFixtures {
  static final JournalHeader HEADER = new JournalHeader(RecordFormat.FORMAT_VERSION, "basalt-test", 10, Hash32.ZERO, 1234);

  private FrameFixtures() {}

  static byte[] smallInput(long seq) {
    BinaryWriter w = new BinaryWriter();
    RecordFormat.encodeInput(w, seq, 99, new ClockTicked(1_700_000_000_000L));
    return w.toByteArray();
  }

  static byte[] output(long inputSeq, SimRng rng) {
    BinaryWriter w = new BinaryWriter();
    Optional<Hash32> hash = rng.nextBoolean() ? Optional.of(ValueGenerators.hash(rng)) : Optional.empty();
    RecordFormat.encodeOutput(w, new OutputRecord(inputSeq, CommandGenerators.list(rng, 5), hash));
    return w.toByteArray();
  }

  static byte[] raw(RecordKind kind, int tag, int version, long seq, byte[] payload) {
    BinaryWriter w = new BinaryWriter();
    RecordFormat.encodeRaw(w, kind, tag, version, seq, 7, payload);
    return w.toByteArray();
  }
}
