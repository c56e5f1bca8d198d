package dev.basalt.testdata.gen;

import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;

/**
 * Random input events of every type. {@link #any} draws the type uniformly, so a stream of events
 * covers them all; the per-type methods are public for tests that want one kind.
 */
public final class EventGenerators {
  /** How many event types {@link #any} draws from; the coverage tests check it against the sealed list. */
  public static final int EVENT_TYPES = 15;

  private EventGenerators() {}

  /** An event of a uniformly chosen type. */
  public static InputEvent any(SimRng rng) {
    return switch (rng.nextInt(EVENT_TYPES)) {
      case 0 -> nodeStarted(rng);
      case 1 -> new ClockTicked(ValueGenerators.anyLong(rng));
      case 2 -> new WakeupFired(ValueGenerators.anyLong(rng), ValueGenerators.anyLong(rng));
      case 3 -> new L1HeadObserved(ValueGenerators.l1BlockRef(rng));
      case 4 -> new L1SafeObserved(ValueGenerators.l1BlockRef(rng));
      case 5 -> new L1FinalizedObserved(ValueGenerators.l1BlockRef(rng));
      case 6 -> new L1BlockFetched(ValueGenerators.anyLong(rng), ValueGenerators.l1Block(rng));
      case 11 -> blobsFetched(rng);
      case 7 -> requestFailed(rng);
      case 8 -> engineResponseReceived(rng);
      case 9 -> gossipPayloadReceived(rng);
      case 12 -> new dev.basalt.core.event.ConductorPayloadCommitted(ValueGenerators.anyLong(rng));
      case 13 -> new dev.basalt.core.event.ConductorLeaderChecked(ValueGenerators.anyLong(rng), rng.nextBoolean());
      case 14 -> new dev.basalt.core.event.UnsafeBlockSignerObserved(ValueGenerators.address(rng));
      default -> adminRequestReceived(rng);
    };
  }

  public static NodeStarted nodeStarted(SimRng rng) {
    return new NodeStarted(ValueGenerators.coreConfig(rng), ValueGenerators.anyLong(rng));
  }

  public static RequestFailed requestFailed(SimRng rng) {
    return new RequestFailed(
        ValueGenerators.anyLong(rng), rng.pick(FailureKind.values()), ValueGenerators.string(rng));
  }

  public static EngineResponseReceived engineResponseReceived(SimRng rng) {
    return new EngineResponseReceived(ValueGenerators.anyLong(rng), EngineGenerators.engineResponse(rng));
  }

  /** A gossip message whose payload may be empty or as large as {@link ValueGenerators#LARGE_BYTES_MAX}. */
  public static GossipPayloadReceived gossipPayloadReceived(SimRng rng) {
    return new GossipPayloadReceived(
        ValueGenerators.anyLong(rng),
        ValueGenerators.string(rng),
        ValueGenerators.anyInt(rng),
        ValueGenerators.bytes(rng),
        rng.nextBoolean() ? dev.basalt.core.types.Bytes.EMPTY : ValueGenerators.bytes(rng, 20));
  }

  public static AdminRequestReceived adminRequestReceived(SimRng rng) {
    return new AdminRequestReceived(ValueGenerators.anyLong(rng), RpcGenerators.adminRequest(rng));
  }

  public static dev.basalt.core.event.BlobsFetched blobsFetched(SimRng rng) {
    java.util.List<dev.basalt.core.types.Bytes> blobs = new java.util.ArrayList<>();
    for (int i = rng.nextInt(3); i > 0; i--) {
      blobs.add(ValueGenerators.bytes(rng));
    }
    return new dev.basalt.core.event.BlobsFetched(ValueGenerators.anyLong(rng), blobs);
  }
}
