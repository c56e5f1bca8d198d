package dev.basalt.cli;

import dev.basalt.adapters.node.CommandHandlers;
import dev.basalt.adapters.node.EnginePort;
import dev.basalt.adapters.node.L1Port;
import dev.basalt.adapters.node.SafeHeadStore;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
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
    L1Port l1 =
        new L1Port() {
          @Override
          public void fetchBlock(FetchL1Block command) {
            world.fetchL1Block(command);
          }

          @Override
          public void fetchBlobs(FetchBlobs command) {
            world.fetchBlobs(command);
          }
        };
    EnginePort engine =
        new EnginePort() {
          @Override
          public void fetchHeads(FetchEngineHeads command) {
            world.fetchEngineHeads(command);
          }

          @Override
          public void fetchBlock(FetchL2Block command) {
            world.fetchL2Block(command);
          }

          @Override
          public void forkchoiceUpdate(SendForkchoiceUpdate command) {
            world.forkchoiceUpdate(command);
          }

          @Override
          public void newPayload(SendNewPayload command) {
            world.unsupported(command.correlationId(), "newPayload");
          }

          @Override
          public void getPayload(GetPayload command) {
            world.unsupported(command.correlationId(), "getPayload");
          }
        };
    return new CommandHandlers(
        l1, engine, response -> LOG.debug("no RPC server in the devnet yet; dropping {}", response), SafeHeadStore.NONE);
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
