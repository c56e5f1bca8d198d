package dev.basalt.adapters.p2p;

import dev.basalt.adapters.sequencer.PayloadPublisher;
import dev.basalt.adapters.sequencer.SignedPayload;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's publisher when P2P runs: each signed block goes out on the block topic of its
 * version ({@link P2pService#publishBlock}). Never blocks the dispatcher: the gossip thread does the
 * work, and a failure (no peers yet, P2P not started) is logged, as op-node logs a failed publish.
 */
public final class GossipPayloadPublisher implements PayloadPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(GossipPayloadPublisher.class);

  private final P2pService p2p;

  public GossipPayloadPublisher(P2pService p2p) {
    this.p2p = Objects.requireNonNull(p2p, "p2p");
  }

  @Override
  public void publish(SignedPayload p) {
    if (p2p.gossip() == null) {
      LOG.warn("block {} #{} not gossiped: P2P has not started", p.envelope().payload().blockHash(), p.envelope().payload().blockNumber());
      return;
    }
    p2p.publishBlock(p.envelope(), p.signature()).whenComplete((id, e) -> {
      if (e != null) {
        LOG.debug("gossip of block {} #{} failed: {}", p.envelope().payload().blockHash(), p.envelope().payload().blockNumber(),
            e.toString());
      }
    });
  }
}
