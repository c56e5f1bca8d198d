package dev.basalt.adapters.sequencer;

import dev.basalt.adapters.node.PublishPort;
import dev.basalt.core.command.PublishPayload;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs each block the core hands out with the sequencer key and passes it to the publisher; the
 * metric counts blocks published. A failure is logged and the block is not published (op-node
 * logs "failed to publish newly created block" and goes on: the block is still inserted).
 */
public final class SigningPublishPort implements PublishPort {
  private static final Logger LOG = LoggerFactory.getLogger(SigningPublishPort.class);

  private final BlockSigner signer;
  private final PayloadPublisher publisher;
  private final Runnable published;

  /** @param published told once per block handed to the publisher (the metric) */
  public SigningPublishPort(BlockSigner signer, PayloadPublisher publisher, Runnable published) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.published = Objects.requireNonNull(published, "published");
  }

  @Override
  public void publish(PublishPayload c) {
    try {
      SignedPayload signed = new SignedPayload(c.envelope(), c.signingHash(), signer.sign(c.signingHash()), signer.address());
      publisher.publish(signed);
      published.run();
    } catch (RuntimeException e) {
      LOG.warn("failed to publish newly created block {}: {}", c.envelope().payload().blockHash(), e.toString());
    }
  }
}
