package dev.basalt.adapters.node;

import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.SendForkchoiceUpdate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The adapters that carry out the core's world-facing commands (the clock and status board are
 * wired by the runtime itself). Each must return quickly and answer requests from its own threads.
 */
public record CommandHandlers(
    Consumer<FetchL1Block> fetchL1Block,
    Consumer<FetchBlobs> fetchBlobs,
    Consumer<FetchEngineHeads> fetchEngineHeads,
    Consumer<SendForkchoiceUpdate> forkchoiceUpdate,
    Consumer<RespondRpc> respondRpc) {
  public CommandHandlers {
    Objects.requireNonNull(fetchL1Block, "fetchL1Block");
    Objects.requireNonNull(fetchBlobs, "fetchBlobs");
    Objects.requireNonNull(fetchEngineHeads, "fetchEngineHeads");
    Objects.requireNonNull(forkchoiceUpdate, "forkchoiceUpdate");
    Objects.requireNonNull(respondRpc, "respondRpc");
  }
}
