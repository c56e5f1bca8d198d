package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Engine API JSON from the server's side, for fake engines that must speak exactly what the
 * client ({@link EngineAdapter}) speaks: a call's {@code params} decoded into the core command the
 * client would have carried, and an {@link EngineResponse} encoded as the result the client parses.
 * Built from the client's own writers and readers and their inverses, so a shape drift on either
 * side breaks the round-trip tests rather than a devnet.
 */
public final class EngineServerCodec {
  /** The Engine API methods the client may call (what {@code engine_exchangeCapabilities} lists). */
  public static final List<String> ENGINE_METHODS = EngineRequests.CAPABILITIES;

  private static final Pattern VERSIONED = Pattern.compile("engine_(forkchoiceUpdated|newPayload|getPayload)V(\\d)");

  private EngineServerCodec() {}

  /**
   * The command behind an Engine API or L2 block-read call: {@code SendForkchoiceUpdate}, {@code
   * SendNewPayload}, {@code GetPayload} or {@code FetchL2Block}, carrying {@code correlationId}.
   *
   * @throws EngineCallException for a method outside {@link #ENGINE_METHODS} and the block reads,
   *     or parameters that do not decode
   */
  public static Command decode(long correlationId, String method, JsonNode params) {
    try {
      if (method.equals("eth_getBlockByNumber") || method.equals("eth_getBlockByHash")) {
        boolean byHash = method.equals("eth_getBlockByHash");
        return new FetchL2Block(correlationId, EngineParamsReader.blockSelector(byHash, params));
      }
      Matcher m = VERSIONED.matcher(method);
      if (!m.matches() || !ENGINE_METHODS.contains(method)) {
        throw new EngineCallException(EngineCallException.METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
      }
      int version = Integer.parseInt(m.group(2));
      return switch (m.group(1)) {
        case "forkchoiceUpdated" -> new SendForkchoiceUpdate(correlationId,
            EngineParamsReader.forkchoiceState(EngineParamsReader.param(params, 0), "params[0]"),
            EngineParamsReader.attributes(params.size() > 1 ? params.get(1) : null, "params[1]"), version);
        case "newPayload" -> new SendNewPayload(correlationId, EngineParamsReader.newPayload(params, version), version);
        default -> new GetPayload(correlationId, EngineParamsReader.payloadId(params), version);
      };
    } catch (MalformedResponseException | IllegalArgumentException e) {
      throw new EngineCallException(EngineCallException.INVALID_PARAMS, "invalid params: " + e.getMessage());
    }
  }

  /** The {@code fullTransactions} flag of a block read ({@code params[1]}; absent means false). */
  public static boolean fullTransactions(JsonNode params) {
    try {
      return EngineParamsReader.fullTransactions(params);
    } catch (MalformedResponseException e) {
      throw new EngineCallException(EngineCallException.INVALID_PARAMS, "invalid params: " + e.getMessage());
    }
  }

  /**
   * Writes the JSON-RPC {@code result} answering {@code call} with {@code response}. An {@code
   * RpcError} is not a result: the caller answers with an error object instead.
   *
   * @param fullTransactions for a block read, whether transactions are written as objects
   */
  public static void writeResult(JsonGenerator gen, Command call, EngineResponse response, boolean fullTransactions)
      throws IOException {
    switch (response) {
      case EngineResponse.ForkchoiceUpdated r -> EngineResultWriter.forkchoiceUpdated(gen, r);
      case EngineResponse.NewPayloadResult r -> EngineResultWriter.payloadStatus(gen, r.status());
      case EngineResponse.PayloadBuilt r -> EngineResultWriter.payloadEnvelope(gen, r.envelope(), versionOf(call));
      case EngineResponse.L2Block r -> writeBlockOrNull(gen, r.block(), fullTransactions);
      // An RpcError is answered as an error object; engine heads are three block reads, not one result.
      default -> throw new IllegalArgumentException(response.getClass().getSimpleName() + " is not the result of one call");
    }
  }

  private static int versionOf(Command call) {
    if (call instanceof GetPayload g) {
      return g.version();
    }
    throw new IllegalArgumentException("a built payload answers getPayload, not " + call);
  }

  private static void writeBlockOrNull(JsonGenerator gen, Optional<ExecutionPayloadEnvelope> block, boolean full)
      throws IOException {
    if (block.isEmpty()) {
      gen.writeNull();
    } else {
      writeBlock(gen, block.get(), full);
    }
  }

  /** An L2 block as {@code eth_getBlockByNumber} returns it (op-geth's shape, deposit fields included). */
  public static void writeBlock(JsonGenerator gen, ExecutionPayloadEnvelope block, boolean fullTransactions) throws IOException {
    L2BlockWriter.write(gen, block, fullTransactions);
  }

  /**
   * The reverse of {@link #writeBlock}: an L2 block in {@code eth_getBlockByNumber}'s shape with full
   * transactions (a real chain's blocks, for a fake engine to serve), verified against its hash.
   *
   * @throws MalformedResponseException when the JSON is not such a block
   */
  public static ExecutionPayloadEnvelope readBlock(JsonNode block) {
    return L2BlockJson.envelope(block);
  }
}
