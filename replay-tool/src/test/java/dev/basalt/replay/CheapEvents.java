package dev.basalt.replay;

import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.testdata.gen.PlausibleEventStream;
import dev.basalt.testdata.gen.SimRng;

/**
 * A seeded stream of small, cheap events that needs no answers: after {@code NodeStarted}, clock
 * ticks, L1 head / safe / finalized observations (a new head now and then, each one issuing a
 * fetch nobody answers) and gossip. For replays of millions of events without storing them.
 */
final class CheapEvents {
  private static final int HISTORY = 64;

  private final SimRng rng;
  private final L1BlockRef[] recent = new L1BlockRef[HISTORY];
  private final Bytes gossip = Bytes.wrapOwned(new byte[64]);
  private long now = 1_700_000_000_000L;
  private long headNumber = 1_000_000;
  private boolean started;

  CheapEvents(long seed) {
    this.rng = new SimRng(seed);
    recent[(int) (headNumber % HISTORY)] =
        new L1BlockRef(hash(), headNumber, hash(), now / 1000);
  }

  InputEvent next() {
    if (!started) {
      started = true;
      return new NodeStarted(PlausibleEventStream.CONFIG, now);
    }
    int roll = rng.nextInt(100);
    if (roll < 60) {
      now += 1 + rng.nextInt(500);
      return new ClockTicked(now);
    }
    if (roll < 80) {
      if (rng.nextInt(200) == 0) {
        newHead();
      }
      return new L1HeadObserved(block(headNumber));
    }
    if (roll < 88) {
      return new L1SafeObserved(block(headNumber - 16));
    }
    if (roll < 92) {
      return new L1FinalizedObserved(block(headNumber - 48));
    }
    return new GossipPayloadReceived(now, "peer", 3, gossip);
  }

  private void newHead() {
    L1BlockRef parent = block(headNumber);
    headNumber++;
    recent[(int) (headNumber % HISTORY)] =
        new L1BlockRef(hash(), headNumber, parent.hash(), now / 1000);
  }

  /** The block at {@code number}, or the oldest one we have when the chain is younger. */
  private L1BlockRef block(long number) {
    L1BlockRef b = recent[(int) (Math.floorMod(number, HISTORY))];
    return b != null && b.number() == number ? b : recent[(int) (1_000_000 % HISTORY)];
  }

  private Hash32 hash() {
    return Hash32.wrap(rng.bytes(Hash32.LENGTH));
  }
}
