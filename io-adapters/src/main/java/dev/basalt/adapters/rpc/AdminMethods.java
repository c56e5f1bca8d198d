package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.engine.PayloadEnvelopeJson;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Hash32;
import java.util.concurrent.CompletionStage;

/**
 * The {@code admin} namespace, registered only with {@code --rpc.enable-admin}. State-changing
 * requests travel as {@code AdminRequestReceived} events through the journal to the core, which
 * answers with {@code RespondRpc}; nothing here touches node state directly.
 *
 * <ul>
 *   <li>{@code admin_resetDerivationPipeline()} → null
 *   <li>{@code admin_postUnsafePayload(ExecutionPayloadEnvelope)} → null; a payload whose block
 *       hash does not match its contents is refused here, before it is journaled (the core checks
 *       again)
 *   <li>{@code admin_setLogLevel(level)} → null (the CLI's hook; the only admin method that does
 *       not go through the core: log levels are no part of the node's state)
 *   <li>{@code admin_startSequencer(blockHash)} → null, {@code admin_stopSequencer()} → the last
 *       sealed block's hash, {@code admin_sequencerActive()} → bool, {@code admin_setRecoverMode(bool)}
 *       → null: op-node's sequencer control, answered by the core in event order (a stop may be
 *       answered several events later, once the sealed block is the unsafe head; under op-conductor
 *       a start is answered once the conductor said whether this node leads)
 *   <li>{@code admin_overrideLeader()} → null: skip op-conductor until the node restarts (disaster
 *       recovery); {@code admin_conductorEnabled()} → bool
 * </ul>
 */
final class AdminMethods {
  private final RpcBackends backends;

  AdminMethods(RpcBackends backends) {
    this.backends = backends;
  }

  void registerInto(MethodRegistry registry) {
    registry.register("admin_resetDerivationPipeline", call -> {
      call.params().atMost(0);
      return submit(new AdminRequest.ResetDerivationPipeline());
    });
    registry.register("admin_postUnsafePayload", this::postUnsafePayload);
    registry.register("admin_startSequencer", call -> {
      String hash = call.params().atMost(1).string(0);
      Hash32 head;
      try {
        head = Hash32.fromHex(hash);
      } catch (RuntimeException e) {
        throw RpcParams.invalid(0, "not a 32-byte block hash: " + hash);
      }
      return submit(new AdminRequest.StartSequencer(head));
    });
    registry.register("admin_stopSequencer", call -> {
      call.params().atMost(0);
      return submit(new AdminRequest.StopSequencer());
    });
    registry.register("admin_sequencerActive", call -> {
      call.params().atMost(0);
      return submit(new AdminRequest.SequencerActive());
    });
    registry.register("admin_overrideLeader", call -> {
      call.params().atMost(0);
      return submit(new AdminRequest.OverrideLeader());
    });
    registry.register("admin_conductorEnabled", call -> {
      call.params().atMost(0);
      return submit(new AdminRequest.ConductorEnabled());
    });
    registry.register("admin_setRecoverMode", call -> submit(new AdminRequest.SetRecoverMode(call.params().atMost(1).bool(0))));
    registry.register("admin_setLogLevel", call -> {
      String level = call.params().atMost(1).string(0);
      try {
        backends.logLevels().setLogLevel(level);
      } catch (IllegalArgumentException e) {
        throw RpcError.server(e.getMessage());
      }
      return RpcMethod.done("null");
    });
  }

  private CompletionStage<String> postUnsafePayload(RpcCall call) {
    JsonNode json = call.params().atMost(1).required(0);
    ExecutionPayloadEnvelope envelope;
    try {
      envelope = PayloadEnvelopeJson.parse(json);
    } catch (RuntimeException e) {
      throw RpcParams.invalid(0, e.getMessage());
    }
    if (!PayloadHeader.hashMatches(backends.rollup(), envelope)) {
      throw RpcError.server("payload has bad block hash " + envelope.payload().blockHash());
    }
    return submit(new AdminRequest.PostUnsafePayload(envelope));
  }

  private CompletionStage<String> submit(AdminRequest request) {
    return backends.core().submit(request).thenApply(outcome -> switch (outcome) {
      case RpcOutcome.Success s -> s.resultJson();
      case RpcOutcome.Failure f -> throw new RpcError(f.code(), f.message());
    });
  }
}
