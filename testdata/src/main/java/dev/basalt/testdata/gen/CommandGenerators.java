package dev.basalt.testdata.gen;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import java.util.ArrayList;
import java.util.List;

/** Random commands of every type, and lists of them as the core emits for one event. */
public final class CommandGenerators {
  /** How many command types {@link #any} draws from; the coverage tests check it against the sealed list. */
  public static final int COMMAND_TYPES = 18;

  private CommandGenerators() {}

  /** A command of a uniformly chosen type. */
  public static Command any(SimRng rng) {
    return switch (rng.nextInt(COMMAND_TYPES)) {
      case 0 -> new FetchL1Block(ValueGenerators.anyLong(rng), ValueGenerators.u63(rng));
      case 6 -> fetchBlobs(rng);
      case 1 -> new FetchEngineHeads(ValueGenerators.anyLong(rng));
      case 2 -> new SendForkchoiceUpdate(ValueGenerators.anyLong(rng), EngineGenerators.forkchoiceState(rng),
          rng.nextBoolean() ? java.util.Optional.of(EngineGenerators.attributes(rng)) : java.util.Optional.empty(),
          1 + rng.nextInt(3));
      case 7 -> new dev.basalt.core.command.FetchL2Block(ValueGenerators.anyLong(rng), EngineGenerators.selector(rng));
      case 8 -> new dev.basalt.core.command.SendNewPayload(ValueGenerators.anyLong(rng), EngineGenerators.envelope(rng), 2 + rng.nextInt(3));
      case 9 -> new dev.basalt.core.command.GetPayload(ValueGenerators.anyLong(rng), EngineGenerators.payloadId(rng), 2 + rng.nextInt(4));
      case 10 -> new dev.basalt.core.command.RecordSafeHead(ValueGenerators.blockId(rng), ValueGenerators.l2BlockRef(rng));
      case 11 -> new dev.basalt.core.command.RewindSafeHeads(ValueGenerators.u63(rng));
      case 3 -> new ScheduleWakeup(ValueGenerators.anyLong(rng), ValueGenerators.anyLong(rng));
      case 4 -> new RespondRpc(ValueGenerators.anyLong(rng), RpcGenerators.rpcOutcome(rng));
      case 5 -> new PublishSyncStatus(ValueGenerators.syncStatus(rng));
      case 12 -> new dev.basalt.core.command.HaltNode(ValueGenerators.string(rng));
      case 13 -> new dev.basalt.core.command.PublishPayload(EngineGenerators.envelope(rng), ValueGenerators.hash(rng));
      case 14 -> new dev.basalt.core.command.CommitUnsafePayload(ValueGenerators.anyLong(rng), EngineGenerators.envelope(rng));
      case 15 -> new dev.basalt.core.command.CheckConductorLeader(ValueGenerators.anyLong(rng));
      case 16 -> new dev.basalt.core.command.PersistSequencerState(rng.nextBoolean());
      case 17 -> new dev.basalt.core.command.ResolveGossipMessage(ValueGenerators.bytes(rng, 20), ValueGenerators.string(rng),
          ValueGenerators.anyInt(rng), rng.pick(dev.basalt.core.p2p.GossipReason.values()), ValueGenerators.string(rng),
          rng.nextBoolean() ? java.util.Optional.of(ValueGenerators.blockId(rng)) : java.util.Optional.empty());
      default -> throw new IllegalStateException("unreachable");
    };
  }

  /** Zero to {@code maxCount} commands; empty a quarter of the time, as most events emit nothing. */
  public static List<Command> list(SimRng rng, int maxCount) {
    int count = rng.chance(1, 4) ? 0 : rng.nextInt(maxCount + 1);
    List<Command> commands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      commands.add(any(rng));
    }
    return commands;
  }

  public static dev.basalt.core.command.FetchBlobs fetchBlobs(SimRng rng) {
    java.util.List<dev.basalt.core.l1.IndexedBlobHash> hashes = new java.util.ArrayList<>();
    for (int i = rng.nextInt(4); i > 0; i--) {
      hashes.add(ValueGenerators.indexedBlobHash(rng));
    }
    return new dev.basalt.core.command.FetchBlobs(ValueGenerators.anyLong(rng), ValueGenerators.l1BlockRef(rng), hashes);
  }
}
