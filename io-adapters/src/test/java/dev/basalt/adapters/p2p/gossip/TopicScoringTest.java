package dev.basalt.adapters.p2p.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code --p2p.topic-scoring}: with it, invalid blocks and deliveries on a block topic move a
 * peer's score; without it (kona's default) only colocation and behaviour penalties do.
 */
class TopicScoringTest {
  private static final String TOPIC = "/optimism/10/2/blocks";

  private static double afterInvalidBlocks(ScoreParams params, int invalid) {
    PeerScore s = new PeerScore(params);
    s.addPeer("P", "10.0.0.1");
    s.graft("P", TOPIC, 0);
    for (int i = 0; i < invalid; i++) {
      s.invalidDelivery("P", TOPIC);
    }
    return s.score("P", 1_000);
  }

  @Test
  void topicScoresCountOnlyWithTheFlag() {
    ScoreParams light = ScoreParams.opNodeLight(2);
    assertTrue(afterInvalidBlocks(light, 3) < light.graylistThreshold(), "with topic scoring, invalid blocks graylist the peer");
    assertEquals(0.0, afterInvalidBlocks(light.withoutTopicScoring(), 3), "without, the topic part is absent");
    PeerScore s = new PeerScore(light.withoutTopicScoring());
    s.addPeer("P", "10.0.0.1");
    s.behaviourPenalty("P", 10);
    assertTrue(s.score("P", 1_000) < 0, "behaviour penalties still count");
  }
}
