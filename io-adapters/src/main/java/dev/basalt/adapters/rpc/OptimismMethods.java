package dev.basalt.adapters.rpc;

import dev.basalt.adapters.safedb.SafeHeadAtL1;
import dev.basalt.core.heads.SyncStatus;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code optimism} namespace (op-node {@code node/api.go}): every answer comes from the
 * status board, the rollup config, the safe-head database or the engine, never from the core.
 *
 * <ul>
 *   <li>{@code optimism_syncStatus()} → SyncStatus
 *   <li>{@code optimism_outputAtBlock(number|tag)} → OutputResponse ({@link OutputAtBlock})
 *   <li>{@code optimism_rollupConfig()} → rollup.Config JSON
 *   <li>{@code optimism_version()} → string
 *   <li>{@code optimism_safeHeadAtL1Block(number)} → {@code {"l1Block":BlockID,"safeHead":BlockID}}
 * </ul>
 */
final class OptimismMethods {
  private final RpcBackends backends;
  private final boolean crossUnsafeL2;
  private final Vertx vertx;
  private final String rollupJson;
  private final String versionJson;

  OptimismMethods(RpcBackends backends, boolean crossUnsafeL2, Vertx vertx) {
    this.backends = backends;
    this.crossUnsafeL2 = crossUnsafeL2;
    this.vertx = vertx;
    // The config never changes while the node runs: write it once.
    this.rollupJson = RollupConfigJson.write(backends.rollup());
    this.versionJson = RefJson.write(g -> g.writeString(backends.version()));
  }

  void registerInto(MethodRegistry registry) {
    registry.register("optimism_syncStatus", this::syncStatus);
    registry.register("optimism_rollupConfig", call -> {
      call.params().atMost(0);
      return RpcMethod.done(rollupJson);
    });
    registry.register("optimism_version", call -> {
      call.params().atMost(0);
      return RpcMethod.done(versionJson);
    });
    registry.register("optimism_safeHeadAtL1Block", this::safeHeadAtL1Block);
    OutputAtBlock output = new OutputAtBlock(backends, crossUnsafeL2);
    registry.register("optimism_outputAtBlock", output::call);
  }

  private CompletionStage<String> syncStatus(RpcCall call) {
    call.params().atMost(0);
    SyncStatus status = backends.status().current();
    return RpcMethod.done(RefJson.syncStatus(status, crossUnsafeL2));
  }

  /**
   * op-node's {@code SafeHeadAtL1Block}: the safe head recorded at the newest L1 block at or below
   * the one asked for; "safe head database not enabled" without a database, "not found" when it
   * holds nothing that old (both as -32000, op-node's Go errors).
   */
  private CompletionStage<String> safeHeadAtL1Block(RpcCall call) {
    long l1Number = call.params().atMost(1).hexU64(0);
    Optional<SafeHeadReader> db = backends.safeHeads();
    if (db.isEmpty()) {
      throw RpcError.server("safe head database not enabled");
    }
    CompletableFuture<String> out = new CompletableFuture<>();
    // The database reads the disk: off the event loop.
    vertx.executeBlocking(() -> db.get().safeHeadAtL1Block(l1Number), false).onComplete(ar -> {
      if (ar.failed()) {
        out.completeExceptionally(RpcError.server("failed to get safe head at l1 block " + l1Number + ": " + ar.cause()));
      } else if (ar.result().isEmpty()) {
        out.completeExceptionally(RpcError.server("not found"));
      } else {
        out.complete(safeHeadJson(ar.result().get()));
      }
    });
    return out;
  }

  static String safeHeadJson(SafeHeadAtL1 entry) {
    return RefJson.write(g -> {
      g.writeStartObject();
      g.writeFieldName("l1Block");
      RefJson.blockId(g, entry.l1Block());
      g.writeFieldName("safeHead");
      RefJson.blockId(g, entry.safeHead().id());
      g.writeEndObject();
    });
  }
}
