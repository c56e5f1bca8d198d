package dev.basalt.cli;

import dev.basalt.adapters.node.CommandHandlers;
import dev.basalt.adapters.node.WorldAdapters;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.testdata.world.DevWorld;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the in-process devnet world ({@link DevWorld}) into the node as its adapters. */
final class DevWorldAdapters implements WorldAdapters {
  private static final Logger LOG = LoggerFactory.getLogger(DevWorldAdapters.class);
  private final DevWorld world;

  private DevWorldAdapters(DevWorld world) {
    this.world = world;
  }

  /** Creates the devnet world once the node's event sink exists. */
  record Factory(long genesisTimestamp, long l1BlockSeconds) implements Function<EventSink, WorldAdapters> {
    @Override
    public WorldAdapters apply(EventSink sink) {
      long pollMillis = Math.max(250, l1BlockSeconds * 1000 / 2);
      return new DevWorldAdapters(
          new DevWorld(DevWorld.L2_CHAIN_ID, genesisTimestamp, l1BlockSeconds, pollMillis, sink::publish));
    }
  }

  @Override
  public CommandHandlers handlers() {
    return new CommandHandlers(
        world::fetchL1Block,
        world::fetchBlobs,
        world::fetchEngineHeads,
        world::forkchoiceUpdate,
        response -> LOG.debug("no RPC server in the devnet yet; dropping {}", response));
  }

  @Override
  public void start() {
    world.start();
  }

  @Override
  public void close() {
    world.close();
  }
}
