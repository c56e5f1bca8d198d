package dev.basalt.adapters.p2p.gossip;

/**
 * Peer-scoring parameters (gossipsub v1.1 {@code PeerScoreParams} with one {@code
 * TopicScoreParams} for every block topic) and thresholds. {@link #opNodeLight} is op-node's
 * default "light" profile ({@code op-node/p2p/peer_params.go}); op-node attaches the topic part to
 * the v1 topic only, Basalt (like kona with {@code --p2p.topic-scoring}) to all four block topics, so
 * a peer sending invalid blocks on the v3/v4 topics is penalised too. Without that flag (kona's
 * default; op-node removed topic scoring) {@link #withoutTopicScoring} drops the topic part: the
 * score is then IP colocation and behaviour penalties only.
 */
public record ScoreParams(
    boolean enabled,
    double topicScoreCap,
    double ipColocationWeight,
    int ipColocationThreshold,
    double behaviourPenaltyWeight,
    double behaviourPenaltyThreshold,
    double behaviourPenaltyDecay,
    long decayIntervalMillis,
    double decayToZero,
    long retainScoreMillis,
    double topicWeight,
    double timeInMeshWeight,
    long timeInMeshQuantumMillis,
    double timeInMeshCap,
    double firstDeliveriesWeight,
    double firstDeliveriesDecay,
    double firstDeliveriesCap,
    double meshDeliveriesWeight,
    double meshDeliveriesDecay,
    double meshDeliveriesCap,
    double meshDeliveriesThreshold,
    long meshDeliveriesWindowMillis,
    long meshDeliveriesActivationMillis,
    double meshFailurePenaltyWeight,
    double meshFailurePenaltyDecay,
    double invalidDeliveriesWeight,
    double invalidDeliveriesDecay,
    double gossipThreshold,
    double publishThreshold,
    double graylistThreshold,
    double opportunisticGraftThreshold) {

  /** Scoring off ({@code --p2p.scoring=none}): every score is 0 and nothing is graylisted. */
  public static final ScoreParams NONE = new ScoreParams(false, 0, 0, 1, 0, 0, 1, 1000, 0.01, 0, 0, 0, 1000, 0, 0, 1, 0,
      0, 1, 0, 0, 1000, 1000, 0, 1, 0, 1, -10, -40, -40, 0.05);

  /** op-node's "light" profile for {@code blockTimeSeconds} slots. */
  public static ScoreParams opNodeLight(long blockTimeSeconds) {
    long slot = blockTimeSeconds * 1000;
    long epoch = 6 * slot;
    double inMeshCap = 3_600_000.0 / slot;
    return new ScoreParams(true, 34, -35, 10, -16, 6, decay(10 * epoch, slot), slot, 0.01, 100 * epoch,
        0.8, 10 / inMeshCap, slot, inMeshCap,
        1, decay(20 * epoch, slot), 23,
        -0.7, decay(5 * epoch, slot), 30, 3, 2_000, 4 * epoch,
        -0.7, decay(5 * epoch, slot),
        -140.4475, decay(50 * epoch, slot),
        -10, -40, -40, 0.05);
  }

  /**
   * These parameters with no per-topic score (kona's {@code --p2p.topic-scoring=false}: no {@code
   * TopicScoreParams} at all), so time in mesh, deliveries and invalid messages count for nothing;
   * the cap, colocation, behaviour penalty and thresholds stay.
   */
  public ScoreParams withoutTopicScoring() {
    return new ScoreParams(enabled, topicScoreCap, ipColocationWeight, ipColocationThreshold, behaviourPenaltyWeight,
        behaviourPenaltyThreshold, behaviourPenaltyDecay, decayIntervalMillis, decayToZero, retainScoreMillis,
        0, timeInMeshWeight, timeInMeshQuantumMillis, timeInMeshCap, firstDeliveriesWeight, firstDeliveriesDecay,
        firstDeliveriesCap, meshDeliveriesWeight, meshDeliveriesDecay, meshDeliveriesCap, meshDeliveriesThreshold,
        meshDeliveriesWindowMillis, meshDeliveriesActivationMillis, meshFailurePenaltyWeight, meshFailurePenaltyDecay,
        invalidDeliveriesWeight, invalidDeliveriesDecay, gossipThreshold, publishThreshold, graylistThreshold,
        opportunisticGraftThreshold);
  }

  /** op-node's {@code ScoreDecay}: the factor that takes a value to 1% over {@code durationMillis}. */
  static double decay(long durationMillis, long slotMillis) {
    long ticks = durationMillis / slotMillis;
    return Math.pow(0.01, 1.0 / ticks);
  }
}
