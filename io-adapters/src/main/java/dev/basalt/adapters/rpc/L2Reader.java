package dev.basalt.adapters.rpc;

import dev.basalt.adapters.engine.EngineReader;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Hash32;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Read access to the L2 engine for {@code optimism_outputAtBlock}, never through the core.
 * Stages complete on the reader's own threads; failures carry a message fit for the client.
 */
public interface L2Reader {
  /** The verified block at {@code number}; empty when the engine does not have it. */
  CompletionStage<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number);

  /** The L2ToL1MessagePasser's storage root at {@code blockHash}, proven against {@code stateRoot}. */
  CompletionStage<Hash32> messagePasserStorageRoot(Hash32 blockHash, Hash32 stateRoot);

  static L2Reader of(EngineReader reader) {
    return new L2Reader() {
      @Override
      public CompletionStage<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number) {
        return reader.payloadByNumber(number);
      }

      @Override
      public CompletionStage<Hash32> messagePasserStorageRoot(Hash32 blockHash, Hash32 stateRoot) {
        return reader.messagePasserStorageRoot(blockHash, stateRoot);
      }
    };
  }
}
