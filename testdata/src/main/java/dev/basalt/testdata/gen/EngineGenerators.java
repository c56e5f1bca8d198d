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
  public static final int ENGINE_RESPONSE_VARIANTS = 3;

  private EngineGenerators() {}

  /** Any variant, uniformly. */
  public static EngineResponse engineResponse(SimRng rng) {
    return switch (rng.nextInt(ENGINE_RESPONSE_VARIANTS)) {
      case 0 -> forkchoiceUpdated(rng);
      case 1 -> new EngineResponse.NewPayloadResult(payloadStatus(rng));
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
}
