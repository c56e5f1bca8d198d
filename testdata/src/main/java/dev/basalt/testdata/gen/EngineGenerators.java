package dev.basalt.testdata.gen;

import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.types.Hash32;
import java.util.Optional;

/** Random Engine API values: responses of every variant, payload statuses, forkchoice states. */
public final class EngineGenerators {
  /** How many {@link EngineResponse} variants {@link #engineResponse} draws from. */
  public static final int ENGINE_RESPONSE_VARIANTS = 6;

  private EngineGenerators() {}

  /** Any variant, uniformly. */
  public static EngineResponse engineResponse(SimRng rng) {
    return switch (rng.nextInt(ENGINE_RESPONSE_VARIANTS)) {
      case 0 -> forkchoiceUpdated(rng);
      case 1 -> new EngineResponse.NewPayloadResult(payloadStatus(rng));
      case 3 -> new EngineResponse.L2Block(rng.nextBoolean() ? java.util.Optional.of(envelope(rng)) : java.util.Optional.empty());
      case 4 -> new EngineResponse.PayloadBuilt(envelope(rng));
      case 5 -> new EngineResponse.RpcError(ValueGenerators.anyInt(rng), ValueGenerators.string(rng));
      default -> heads(rng);
    };
  }

  public static EngineResponse.ForkchoiceUpdated forkchoiceUpdated(SimRng rng) {
    Optional<PayloadId> payloadId = rng.nextBoolean() ? Optional.of(payloadId(rng)) : Optional.empty();
    return new EngineResponse.ForkchoiceUpdated(payloadStatus(rng), payloadId);
  }

  public static EngineResponse.Heads heads(SimRng rng) {
    return new EngineResponse.Heads(
        ValueGenerators.l2BlockRef(rng), ValueGenerators.l2BlockRef(rng), ValueGenerators.l2BlockRef(rng));
  }

  /** A status with each optional present or absent independently. */
  public static PayloadStatus payloadStatus(SimRng rng) {
    ExecutionStatus status = rng.pick(ExecutionStatus.values());
    Optional<Hash32> latestValidHash =
        rng.nextBoolean() ? Optional.of(ValueGenerators.hash(rng)) : Optional.empty();
    Optional<String> validationError =
        rng.nextBoolean() ? Optional.of(ValueGenerators.string(rng)) : Optional.empty();
    return new PayloadStatus(status, latestValidHash, validationError);
  }

  public static PayloadId payloadId(SimRng rng) {
    return new PayloadId(ValueGenerators.anyLong(rng));
  }

  public static ForkchoiceState forkchoiceState(SimRng rng) {
    return new ForkchoiceState(ValueGenerators.hash(rng), ValueGenerators.hash(rng), ValueGenerators.hash(rng));
  }

  public static dev.basalt.core.engine.ExecutionPayload payload(SimRng rng) {
    java.util.List<dev.basalt.core.types.Bytes> txs = new java.util.ArrayList<>();
    for (int i = rng.nextInt(4); i > 0; i--) {
      txs.add(ValueGenerators.bytes(rng));
    }
    return new dev.basalt.core.engine.ExecutionPayload(
        ValueGenerators.hash(rng), ValueGenerators.address(rng), ValueGenerators.hash(rng), ValueGenerators.hash(rng),
        ValueGenerators.bytes(rng, 256), ValueGenerators.hash(rng), ValueGenerators.anyLong(rng), ValueGenerators.anyLong(rng),
        ValueGenerators.anyLong(rng), ValueGenerators.anyLong(rng), ValueGenerators.bytes(rng),
        new java.math.BigInteger(rng.nextInt(257), new java.util.Random(rng.nextLong())), ValueGenerators.hash(rng), txs,
        rng.nextBoolean() ? java.util.Optional.of(withdrawals(rng)) : java.util.Optional.empty(),
        optionalLong(rng), optionalLong(rng),
        rng.nextBoolean() ? java.util.Optional.of(ValueGenerators.hash(rng)) : java.util.Optional.empty());
  }

  public static dev.basalt.core.engine.ExecutionPayloadEnvelope envelope(SimRng rng) {
    return new dev.basalt.core.engine.ExecutionPayloadEnvelope(
        payload(rng), rng.nextBoolean() ? java.util.Optional.of(ValueGenerators.hash(rng)) : java.util.Optional.empty());
  }

  public static dev.basalt.core.engine.PayloadAttributes attributes(SimRng rng) {
    java.util.List<dev.basalt.core.types.Bytes> txs = new java.util.ArrayList<>();
    for (int i = rng.nextInt(4); i > 0; i--) {
      txs.add(ValueGenerators.bytes(rng));
    }
    return new dev.basalt.core.engine.PayloadAttributes(
        ValueGenerators.anyLong(rng), ValueGenerators.hash(rng), ValueGenerators.address(rng),
        rng.nextBoolean() ? java.util.Optional.of(withdrawals(rng)) : java.util.Optional.empty(),
        rng.nextBoolean() ? java.util.Optional.of(ValueGenerators.hash(rng)) : java.util.Optional.empty(),
        txs, rng.nextBoolean(), ValueGenerators.anyLong(rng),
        rng.nextBoolean() ? java.util.Optional.of(ValueGenerators.bytes(rng, 8)) : java.util.Optional.empty(),
        optionalLong(rng));
  }

  private static java.util.List<dev.basalt.core.block.Withdrawal> withdrawals(SimRng rng) {
    java.util.List<dev.basalt.core.block.Withdrawal> list = new java.util.ArrayList<>();
    for (int i = rng.nextInt(3); i > 0; i--) {
      list.add(new dev.basalt.core.block.Withdrawal(ValueGenerators.anyLong(rng), ValueGenerators.anyLong(rng),
          ValueGenerators.address(rng), ValueGenerators.anyLong(rng)));
    }
    return list;
  }

  private static java.util.OptionalLong optionalLong(SimRng rng) {
    return rng.nextBoolean() ? java.util.OptionalLong.of(ValueGenerators.anyLong(rng)) : java.util.OptionalLong.empty();
  }

  public static dev.basalt.core.engine.L2BlockSelector selector(SimRng rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> new dev.basalt.core.engine.L2BlockSelector.ByNumber(ValueGenerators.u63(rng));
      case 1 -> new dev.basalt.core.engine.L2BlockSelector.ByHash(ValueGenerators.hash(rng));
      default -> new dev.basalt.core.engine.L2BlockSelector.ByLabel(rng.pick(dev.basalt.core.engine.L2BlockSelector.Label.values()));
    };
  }
}
