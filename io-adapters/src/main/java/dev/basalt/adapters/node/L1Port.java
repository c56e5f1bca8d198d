package dev.basalt.adapters.node;

import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;

/** Carries out the core's L1 and beacon requests; answers arrive as events from its own threads. */
public interface L1Port {
  void fetchBlock(FetchL1Block command);

  void fetchBlobs(FetchBlobs command);
}
