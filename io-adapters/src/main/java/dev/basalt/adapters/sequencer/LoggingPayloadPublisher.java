package dev.basalt.adapters.sequencer;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The publisher when P2P is off ({@code --p2p.disable}): counts the signed blocks and logs them at debug. */
public final class LoggingPayloadPublisher implements PayloadPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingPayloadPublisher.class);

  private final AtomicLong published = new AtomicLong();

  @Override
  public void publish(SignedPayload p) {
    long n = published.incrementAndGet();
    LOG.debug("signed block {} #{} (signer {}, {} so far); P2P is off", p.envelope().payload().blockHash(),
        p.envelope().payload().blockNumber(), p.signer(), n);
  }

  public long published() {
    return published.get();
  }
}
