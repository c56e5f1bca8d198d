package dev.basalt.core.engine;

import dev.basalt.core.types.Hash32;
import java.util.Objects;
import java.util.Optional;

/** A payload with the parent beacon block root it was built against (Ecotone+). */
public record ExecutionPayloadEnvelope(ExecutionPayload payload, Optional<Hash32> parentBeaconBlockRoot) {
  public ExecutionPayloadEnvelope {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
  }
}
