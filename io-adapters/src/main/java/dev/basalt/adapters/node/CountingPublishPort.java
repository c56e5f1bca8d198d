package dev.basalt.adapters.node;

import dev.basalt.core.command.PublishPayload;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts the sequenced blocks handed out for publishing and drops them (no signer, no P2P). */
public final class CountingPublishPort implements PublishPort {
  private static final Logger LOG = LoggerFactory.getLogger(CountingPublishPort.class);

  private final AtomicLong count = new AtomicLong();

  @Override
  public void publish(PublishPayload c) {
    long n = count.incrementAndGet();
    LOG.debug("sequenced block {} not published: no signer (signing hash {}, {} so far)",
        c.envelope().payload().blockHash(), c.signingHash(), n);
  }

  public long count() {
    return count.get();
  }
}
