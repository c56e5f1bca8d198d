package dev.basalt.bench;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.JournalHeader;
import dev.basalt.testdata.gen.SimRng;

/** The events the benchmarks push around. */
final class Workloads {
  static final CoreConfig CONFIG = dev.basalt.testdata.gen.TestConfigs.core(10);
  static final JournalHeader HEADER = new JournalHeader(1, "bench", 10, Hash32.ZERO, 0);
  /** A blob is 128 KiB; derivation journals carry blobs as events of about this size. */
  static final int BLOB_BYTES = 128 * 1024;

  private Workloads() {}

  static NodeStarted started() {
    return new NodeStarted(CONFIG, 1_700_000_000_000L);
  }

  /** A small event: what the clock sends several times a second. */
  static InputEvent small(long i) {
    return new ClockTicked(1_700_000_000_000L + i);
  }

  /** A blob-sized event (128 KiB of payload). */
  static InputEvent blob(SimRng rng) {
    return new GossipPayloadReceived(1_700_000_000_000L, "peer", 3, Bytes.wrapOwned(rng.bytes(BLOB_BYTES)));
  }
}
