package dev.basalt.adapters.engine;

import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Method names and {@code params} of every call the adapter makes, per method version (SPEC-MAP
 * §6; {@code execution-apis} paris/shanghai/cancun/prague/osaka with OP's {@code exec-engine.md}):
 *
 * <ul>
 *   <li>{@code engine_forkchoiceUpdatedV1..V3}: {@code [forkchoiceState, attributes | null]}
 *   <li>{@code engine_newPayloadV2}: {@code [payload]}; V3: {@code [payload, [], parentBeaconBlockRoot]}
 *       (OP has no blobs, so the expected versioned hashes are always empty); V4: the same plus
 *       {@code executionRequests = []} (OP has no execution requests)
 *   <li>{@code engine_getPayloadV2..V5}: {@code [payloadId]}
 *   <li>{@code eth_getBlockByNumber} / {@code eth_getBlockByHash}: {@code [block, true]} (full
 *       transactions, which the payload needs)
 * </ul>
 */
final class EngineRequests {
  /** The Engine API methods Basalt may call, announced in {@code engine_exchangeCapabilities}. */
  static final List<String> CAPABILITIES = List.of(
      "engine_forkchoiceUpdatedV1", "engine_forkchoiceUpdatedV2", "engine_forkchoiceUpdatedV3",
      "engine_newPayloadV2", "engine_newPayloadV3", "engine_newPayloadV4",
      "engine_getPayloadV2", "engine_getPayloadV3", "engine_getPayloadV4", "engine_getPayloadV5");

  private EngineRequests() {}

  static String method(SendForkchoiceUpdate c) {
    return "engine_forkchoiceUpdatedV" + c.version();
  }

  static ParamsWriter params(SendForkchoiceUpdate c) {
    return gen -> {
      EngineJsonWriter.forkchoiceState(gen, c.state());
      if (c.attributes().isPresent()) {
        EngineJsonWriter.attributes(gen, c.attributes().get());
      } else {
        gen.writeNull();
      }
    };
  }

  static String method(SendNewPayload c) {
    return "engine_newPayloadV" + c.version();
  }

  static ParamsWriter params(SendNewPayload c) {
    return gen -> {
      EngineJsonWriter.payload(gen, c.envelope().payload());
      if (c.version() >= 3) {
        gen.writeStartArray();
        gen.writeEndArray();
        if (c.envelope().parentBeaconBlockRoot().isPresent()) {
          gen.writeString(c.envelope().parentBeaconBlockRoot().get().toHex());
        } else {
          // A core bug if it happens; the engine rejects null with -32602 and the core sees why.
          gen.writeNull();
        }
      }
      if (c.version() >= 4) {
        gen.writeStartArray();
        gen.writeEndArray();
      }
    };
  }

  static String method(GetPayload c) {
    return "engine_getPayloadV" + c.version();
  }

  static ParamsWriter params(GetPayload c) {
    return gen -> gen.writeString(c.payloadId().toHex());
  }

  static String blockMethod(L2BlockSelector selector) {
    return selector instanceof L2BlockSelector.ByHash ? "eth_getBlockByHash" : "eth_getBlockByNumber";
  }

  static ParamsWriter blockParams(L2BlockSelector selector) {
    String block = switch (selector) {
      case L2BlockSelector.ByNumber n -> "0x" + Long.toHexString(n.number());
      case L2BlockSelector.ByHash h -> h.hash().toHex();
      case L2BlockSelector.ByLabel l -> l.label().name().toLowerCase(Locale.ROOT);
    };
    return gen -> {
      gen.writeString(block);
      gen.writeBoolean(true);
    };
  }

  static ParamsWriter capabilitiesParams() {
    return gen -> {
      gen.writeStartArray();
      for (String m : CAPABILITIES) {
        gen.writeString(m);
      }
      gen.writeEndArray();
    };
  }

  /**
   * Why the attributes do not fit the method version, if they do not. The adapter still sends the
   * call (the engine's verdict is the authoritative answer) but logs this, because it points at
   * a fork-selection bug in the core rather than at the engine.
   */
  static Optional<String> shapeProblem(SendForkchoiceUpdate c) {
    if (c.attributes().isEmpty()) {
      return Optional.empty();
    }
    PayloadAttributes a = c.attributes().get();
    boolean wantWithdrawals = c.version() >= 2;
    boolean wantBeaconRoot = c.version() >= 3;
    if (a.withdrawals().isPresent() != wantWithdrawals) {
      return Optional.of(method(c) + " attributes " + (wantWithdrawals ? "lack" : "carry") + " withdrawals");
    }
    if (a.parentBeaconBlockRoot().isPresent() != wantBeaconRoot) {
      return Optional.of(method(c) + " attributes " + (wantBeaconRoot ? "lack" : "carry") + " parentBeaconBlockRoot");
    }
    return Optional.empty();
  }

  /** As {@link #shapeProblem(SendForkchoiceUpdate)}, for a payload and its newPayload version. */
  static Optional<String> shapeProblem(SendNewPayload c) {
    ExecutionPayload p = c.envelope().payload();
    boolean wantBlobFields = c.version() >= 3;
    boolean wantWithdrawalsRoot = c.version() >= 4;
    if (p.blobGasUsed().isPresent() != wantBlobFields || p.excessBlobGas().isPresent() != wantBlobFields) {
      return Optional.of(method(c) + " payload " + (wantBlobFields ? "lacks" : "carries") + " blob gas fields");
    }
    if (wantBlobFields && c.envelope().parentBeaconBlockRoot().isEmpty()) {
      return Optional.of(method(c) + " envelope lacks parentBeaconBlockRoot");
    }
    if (p.withdrawalsRoot().isPresent() != wantWithdrawalsRoot) {
      return Optional.of(method(c) + " payload " + (wantWithdrawalsRoot ? "lacks" : "carries") + " withdrawalsRoot");
    }
    return Optional.empty();
  }
}
