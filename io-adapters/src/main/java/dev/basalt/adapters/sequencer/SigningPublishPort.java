package dev.basalt.adapters.sequencer;

import dev.basalt.adapters.node.PublishPort;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.PayloadSsz;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs each block the core hands out and passes it to the publisher; the metric counts blocks
 * published. A failure is logged and the block is not published (op-node logs "failed to publish
 * newly created block" and goes on: the block is still inserted). A local key signs on the command
 * thread; a remote signer on one thread of its own, in block order, so a slow or silent op-signer
 * never holds up the node (at most {@link #REMOTE_BACKLOG} blocks wait; later ones are dropped
 * and logged).
 */
public final class SigningPublishPort implements PublishPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SigningPublishPort.class);
  static final int REMOTE_BACKLOG = 16;

  private final BlockSigner signer;
  private final PayloadPublisher publisher;
  private final Runnable published;
  private final RollupConfig rollup;
  private final ThreadPoolExecutor remote;

  /** @param published told once per block handed to the publisher (the metric) */
  public SigningPublishPort(BlockSigner signer, PayloadPublisher publisher, Runnable published, RollupConfig rollup) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.published = Objects.requireNonNull(published, "published");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.remote = signer.remote() ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(REMOTE_BACKLOG), r -> {
      Thread t = new Thread(r, "basalt-block-signer");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  @Override
  public void publish(PublishPayload c) {
    if (remote == null) {
      signAndPublish(c);
      return;
    }
    try {
      remote.execute(() -> signAndPublish(c));
    } catch (RejectedExecutionException e) {
      LOG.warn("failed to publish newly created block {}: {} blocks already wait for the remote signer",
          c.envelope().payload().blockHash(), REMOTE_BACKLOG);
    }
  }

  private void signAndPublish(PublishPayload c) {
    try {
      BlockVersion version = BlockVersion.at(rollup, c.envelope().payload().timestamp());
      BlockMessage message = BlockMessage.of(rollup.l2ChainId(), Keccak.hash(PayloadSsz.signedBytes(c.envelope(), version)));
      if (!message.signingHash().equals(c.signingHash())) {
        throw new IllegalStateException("signing hash " + message.signingHash() + " differs from the core's " + c.signingHash());
      }
      SignedPayload signed = new SignedPayload(c.envelope(), c.signingHash(), signer.sign(message), signer.address());
      publisher.publish(signed);
      published.run();
    } catch (RuntimeException e) {
      LOG.warn("failed to publish newly created block {}: {}", c.envelope().payload().blockHash(), Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  @Override
  public void close() {
    if (remote != null) {
      remote.shutdownNow();
    }
  }
}
