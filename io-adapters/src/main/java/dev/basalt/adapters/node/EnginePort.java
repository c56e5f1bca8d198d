package dev.basalt.adapters.node;

import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;

/** Carries out the core's Engine API and L2 reads; answers arrive as events from its own threads. */
public interface EnginePort {
  void fetchHeads(FetchEngineHeads command);

  void fetchBlock(FetchL2Block command);

  void forkchoiceUpdate(SendForkchoiceUpdate command);

  void newPayload(SendNewPayload command);

  void getPayload(GetPayload command);
}
