package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Read-only queries of the L2 engine for the RPC server ({@code optimism_outputAtBlock}): a block
 * by number, verified as the core's reads are, and the L2ToL1MessagePasser's storage root proven
 * against a state root. It has its own client and worker threads, so RPC load never queues in
 * front of the core's engine calls, and it never goes through the core.
 *
 * <p>Futures complete on the client's worker threads: exceptionally with {@link
 * EngineReadException} when there is no usable answer.
 */
public final class EngineReader implements AutoCloseable {
  /** The L2ToL1MessagePasser predeploy, whose storage root an output commits to. */
  public static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  private final JsonRpcClient client;

  public EngineReader(JsonRpcClient client) {
    this.client = client;
  }

  /** A reader with a client of its own for {@code options} (loads the JWT secret). */
  public static EngineReader open(EngineClientOptions options, CallListener listener) {
    return new EngineReader(JsonRpcClient.of(options, listener));
  }

  /** {@code eth_getBlockByNumber(number, true)}, verified into a payload; empty when the engine has no such block. */
  public CompletableFuture<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number) {
    String method = "eth_getBlockByNumber";
    String tag = "0x" + Long.toHexString(number);
    return call(method, gen -> {
      gen.writeString(tag);
      gen.writeBoolean(true);
    }, result -> result.isNull() ? Optional.empty() : Optional.of(L2BlockJson.envelope(result)));
  }

  /**
   * {@code eth_getProof(MESSAGE_PASSER, [], blockHash)}, checked against {@code stateRoot}: the
   * message passer's storage root at that block. A {@code null} proof is {@code REMOTE_ERROR}
   * ("proof not found"); one that does not verify is {@code INVALID_RESPONSE}.
   */
  public CompletableFuture<Hash32> messagePasserStorageRoot(Hash32 blockHash, Hash32 stateRoot) {
    String method = "eth_getProof";
    return call(method, gen -> {
      gen.writeString(MESSAGE_PASSER.toHex());
      gen.writeStartArray();
      gen.writeEndArray();
      gen.writeString(blockHash.toHex());
    }, result -> {
      if (result.isNull()) {
        throw new EngineReadException(FailureKind.REMOTE_ERROR, "proof not found");
      }
      AccountProof proof = AccountProof.parse(result);
      if (!proof.address().equals(MESSAGE_PASSER)) {
        throw new MalformedResponseException("proof is for " + proof.address() + ", not " + MESSAGE_PASSER);
      }
      proof.verify(stateRoot);
      return proof.storageHash();
    });
  }

  private <T> CompletableFuture<T> call(String method, ParamsWriter params, Function<JsonNode, T> parse) {
    CompletableFuture<T> out = new CompletableFuture<>();
    client.call(method, params, outcome -> {
      switch (outcome) {
        case RpcOutcome.Result r -> {
          try {
            out.complete(parse.apply(r.value()));
          } catch (EngineReadException e) {
            out.completeExceptionally(e);
          } catch (RuntimeException e) {
            out.completeExceptionally(new EngineReadException(FailureKind.INVALID_RESPONSE, method + ": " + e.getMessage()));
          }
        }
        case RpcOutcome.ErrorObject e -> out.completeExceptionally(
            new EngineReadException(FailureKind.REMOTE_ERROR, e.message()));
        case RpcOutcome.Failed f -> out.completeExceptionally(new EngineReadException(f.kind(), f.detail()));
      }
    });
    return out;
  }

  @Override
  public void close() {
    client.close();
  }
}
