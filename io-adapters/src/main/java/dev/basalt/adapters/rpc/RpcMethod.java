package dev.basalt.adapters.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One JSON-RPC method. Called on the server's event loop: it must not block. Work that waits
 * (engine reads, the core) completes the returned stage later from any thread; the server moves
 * the answer back to its event loop and applies the request timeout.
 */
@FunctionalInterface
public interface RpcMethod {
  /**
   * @return the JSON text of the {@code result} member; a stage completed with {@link RpcError}
   *     (or a thrown one) answers with that error, anything else with an internal error
   */
  CompletionStage<String> call(RpcCall call);

  /** An already-known result. */
  static CompletionStage<String> done(String resultJson) {
    return CompletableFuture.completedFuture(resultJson);
  }
}
