package dev.basalt.testdata.gen;

import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;

/** Random RPC values: admin requests and outcomes of every variant. */
public final class RpcGenerators {
  private RpcGenerators() {}

  /**
   * Any admin request variant, uniformly. The coverage tests fail when a new one is added without
   * a branch here.
   */
  public static AdminRequest adminRequest(SimRng rng) {
    return switch (rng.nextInt(8)) {
      case 0 -> new AdminRequest.ResetDerivationPipeline();
      case 1 -> new AdminRequest.PostUnsafePayload(EngineGenerators.envelope(rng));
      case 2 -> new AdminRequest.StartSequencer(ValueGenerators.hash(rng));
      case 3 -> new AdminRequest.StopSequencer();
      case 4 -> new AdminRequest.SequencerActive();
      case 5 -> new AdminRequest.SetRecoverMode(rng.nextBoolean());
      case 6 -> new AdminRequest.OverrideLeader();
      case 7 -> new AdminRequest.ConductorEnabled();
      default -> throw new IllegalStateException("unreachable");
    };
  }

  /** Any outcome variant, uniformly. */
  public static RpcOutcome rpcOutcome(SimRng rng) {
    if (rng.nextBoolean()) {
      return new RpcOutcome.Success(rng.chance(1, 2) ? jsonish(rng) : ValueGenerators.string(rng));
    }
    return new RpcOutcome.Failure(ValueGenerators.anyInt(rng), ValueGenerators.string(rng));
  }

  private static String jsonish(SimRng rng) {
    return rng.pick("null", "true", "{}", "[]", "\"0x" + Long.toHexString(rng.nextLong()) + "\"");
  }
}
