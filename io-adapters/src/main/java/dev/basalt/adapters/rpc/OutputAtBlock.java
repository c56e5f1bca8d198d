package dev.basalt.adapters.rpc;

import dev.basalt.adapters.engine.EngineReadException;
import dev.basalt.core.block.OutputRoot;
import dev.basalt.core.config.Fork;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code optimism_outputAtBlock}: the v0 output root of an L2 block with its block ref and the
 * sync status of the moment it was asked (op-node {@code OutputAtBlock}).
 *
 * <p>The block comes from the engine by number (hash-verified by the reader); its ref (L1 origin,
 * sequence number) is read back from its L1-info deposit. The message passer's storage root is the
 * header's {@code withdrawalsRoot} from Isthmus on, and before Isthmus an {@code eth_getProof} of
 * the predeploy at that block, verified against the block's state root. The argument is a hex
 * quantity as op-node takes it, or one of kona's labels ({@code latest}, {@code safe},
 * {@code finalized}, {@code pending} → the matching head; {@code earliest} → genesis). Asking
 * above the unsafe head is an error, as in op-node (the engine may hold blocks the node has not
 * accepted).
 */
final class OutputAtBlock {
  private final RpcBackends backends;
  private final boolean crossUnsafeL2;

  OutputAtBlock(RpcBackends backends, boolean crossUnsafeL2) {
    this.backends = backends;
    this.crossUnsafeL2 = crossUnsafeL2;
  }

  CompletionStage<String> call(RpcCall call) {
    BlockParam param = call.params().atMost(1).block(0);
    SyncStatus status = backends.status().current();
    long number = resolve(param, status);
    if (number > status.unsafeL2().number()) {
      throw RpcError.server("failed to get L2 block ref with sync status: block " + number
          + " is above the unsafe head " + status.unsafeL2().number());
    }
    return backends.l2().payloadByNumber(number).thenCompose(found -> {
      if (found.isEmpty()) {
        throw RpcError.server("failed to get L2 block ref with sync status: not found: block " + number);
      }
      ExecutionPayload payload = found.get().payload();
      L2BlockRef ref = refOf(payload);
      if (backends.rollup().isActive(Fork.ISTHMUS, payload.timestamp())) {
        Hash32 root = payload.withdrawalsRoot().orElseThrow(() -> RpcError.server(
            "failed to get L2 output at block " + ref.id() + ": Isthmus block without withdrawalsRoot"));
        return CompletableFuture.completedFuture(answer(ref, payload.stateRoot(), root, status));
      }
      return backends.l2().messagePasserStorageRoot(payload.blockHash(), payload.stateRoot())
          .thenApply(root -> answer(ref, payload.stateRoot(), root, status));
    }).exceptionally(OutputAtBlock::asRpcError);
  }

  private static long resolve(BlockParam param, SyncStatus status) {
    return switch (param) {
      case BlockParam.Number n -> n.value();
      case BlockParam.Tag t -> switch (t.label()) {
        case LATEST, PENDING -> status.unsafeL2().number();
        case SAFE -> status.safeL2().number();
        case FINALIZED -> status.finalizedL2().number();
        case EARLIEST -> 0;
      };
    };
  }

  private L2BlockRef refOf(ExecutionPayload payload) {
    return switch (PayloadBlockInfo.decode(backends.rollup(), payload)) {
      case L2BlockInfoDecoding.Decoded d -> d.info().ref();
      case L2BlockInfoDecoding.Invalid i -> throw RpcError.server(
          "failed to get L2 block ref with sync status: " + i.reason());
    };
  }

  private String answer(L2BlockRef ref, Hash32 stateRoot, Hash32 storageRoot, SyncStatus status) {
    Hash32 outputRoot = OutputRoot.v0(stateRoot, storageRoot, ref.hash());
    return RefJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", OutputRoot.VERSION_0.toHex());
      g.writeStringField("outputRoot", outputRoot.toHex());
      g.writeFieldName("blockRef");
      RefJson.l2(g, ref);
      g.writeStringField("withdrawalStorageRoot", storageRoot.toHex());
      g.writeStringField("stateRoot", stateRoot.toHex());
      g.writeFieldName("syncStatus");
      RefJson.syncStatus(g, status, crossUnsafeL2);
      g.writeEndObject();
    });
  }

  private static String asRpcError(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof RpcError e) {
      throw e;
    }
    if (cause instanceof EngineReadException e) {
      throw RpcError.server("failed to get L2 output: " + e.getMessage());
    }
    throw RpcError.internal("failed to get L2 output: " + cause);
  }
}
