package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.sysconfig.SystemConfigSlots;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * op-node's runtime config: the values a rollup node reads from L1 contract storage rather than
 * from derivation. The unsafe-block signer (SystemConfig slot {@link #UNSAFE_BLOCK_SIGNER_SLOT}, the
 * address in the low 20 bytes) goes to the core as {@link UnsafeBlockSignerObserved} whenever it
 * changes, so gossip validation uses it and the journal replays it; the ProtocolVersions
 * contract's required and recommended versions are logged when they change (nothing acts on them).
 *
 * <p>Loaded at the L1 {@code latest} block at start, retried with backoff until it succeeds, then
 * reloaded every interval (op-node's {@code --l1.runtime-config-reload-interval}). Precedence as
 * kona: a non-zero L1 value wins over the operator's fallback ({@code --p2p.unsafe.block.signer},
 * already on the ring when this starts); a zero slot (nothing named on L1) keeps whatever is in
 * force. A failed load is logged and never reaches the core or stops the node.
 *
 * <p>Threading: all state is touched only by the scheduler's single thread.
 */
public final class RuntimeConfigLoader {
  static final Hash32 UNSAFE_BLOCK_SIGNER_SLOT = SystemConfigSlots.UNSAFE_BLOCK_SIGNER;
  static final Hash32 REQUIRED_PROTOCOL_VERSION_SLOT = SystemConfigSlots.REQUIRED_PROTOCOL_VERSION;
  static final Hash32 RECOMMENDED_PROTOCOL_VERSION_SLOT = SystemConfigSlots.RECOMMENDED_PROTOCOL_VERSION;

  /** Start-up retries: 1 s doubling to 30 s, for as long as it takes. */
  static final RetryPolicy STARTUP_BACKOFF = new RetryPolicy(Integer.MAX_VALUE, 1_000, 30_000);

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeConfigLoader.class);

  /** Reads one storage word of a contract at a block ({@code eth_getStorageAt}). */
  @FunctionalInterface
  interface StorageReader {
    Hash32 read(Address contract, Hash32 slot, L1BlockRef at) throws CallFailure;
  }

  private final L1HeadPoller.LabelReader labels;
  private final StorageReader storage;
  private final Address systemConfig;
  private final Address protocolVersions;
  private final EventSink sink;
  private final Optional<Address> fallback;
  private volatile Address inForce;
  private boolean loaded;
  private boolean warnedZero;
  private ProtocolVersion required;
  private ProtocolVersion recommended;
  private int failedAttempts;

  /**
   * @param protocolVersions the ProtocolVersions contract, {@link Address#ZERO} when the chain has none
   * @param fallback the operator's signer, already published, in force until L1 names one
   */
  RuntimeConfigLoader(L1HeadPoller.LabelReader labels, StorageReader storage, Address systemConfig, Address protocolVersions,
      EventSink sink, Optional<Address> fallback) {
    this.labels = Objects.requireNonNull(labels);
    this.storage = Objects.requireNonNull(storage);
    this.systemConfig = Objects.requireNonNull(systemConfig);
    this.protocolVersions = Objects.requireNonNull(protocolVersions);
    this.sink = Objects.requireNonNull(sink);
    this.fallback = Objects.requireNonNull(fallback);
    this.inForce = fallback.orElse(null);
  }

  /**
   * Loads now on {@code scheduler}, retrying with {@code backoff} until one load succeeds, then
   * every {@code reloadMillis} (0: never again).
   */
  void start(ScheduledExecutorService scheduler, long reloadMillis, RetryPolicy backoff) {
    schedule(scheduler, () -> startupAttempt(scheduler, reloadMillis, backoff), 0);
  }

  private void startupAttempt(ScheduledExecutorService scheduler, long reloadMillis, RetryPolicy backoff) {
    if (load()) {
      if (reloadMillis > 0) {
        scheduler.scheduleWithFixedDelay(this::load, reloadMillis, reloadMillis, TimeUnit.MILLISECONDS);
      }
      return;
    }
    long wait = backoff.backoffMillis(failedAttempts);
    LOG.warn("runtime config not loaded yet (attempt {}), retrying in {} ms; gossip uses {} meanwhile", failedAttempts, wait,
        inForce == null ? "no signer (blocks are ignored)" : "signer " + inForce + " (--p2p.unsafe.block.signer)");
    schedule(scheduler, () -> startupAttempt(scheduler, reloadMillis, backoff), wait);
  }

  private static void schedule(ScheduledExecutorService scheduler, Runnable task, long delayMillis) {
    try {
      scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("runtime config loader stopped");
    }
  }

  /** One load at the L1 head; true when every read succeeded. Never throws. */
  boolean load() {
    try {
      L1BlockRef at = labels.read("latest");
      Address signer = addressIn(storage.read(systemConfig, UNSAFE_BLOCK_SIGNER_SLOT, at));
      ProtocolVersion req = null;
      ProtocolVersion rec = null;
      if (!protocolVersions.equals(Address.ZERO)) {
        req = new ProtocolVersion(storage.read(protocolVersions, REQUIRED_PROTOCOL_VERSION_SLOT, at));
        rec = new ProtocolVersion(storage.read(protocolVersions, RECOMMENDED_PROTOCOL_VERSION_SLOT, at));
      }
      applySigner(signer, at);
      applyVersions(req, rec, at);
      loaded = true;
      failedAttempts = 0;
      return true;
    } catch (CallFailure f) {
      failedAttempts++;
      LOG.warn("runtime config load failed: {}", f.detail());
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; whatever went wrong, keep trying.
      failedAttempts++;
      LOG.warn("runtime config load failed unexpectedly", e);
    }
    return false;
  }

  private void applySigner(Address signer, L1BlockRef at) {
    if (signer.equals(Address.ZERO)) {
      if (!warnedZero) {
        warnedZero = true;
        LOG.warn("L1 SystemConfig {} names no unsafe block signer at block #{}; {}", systemConfig, at.number(),
            inForce == null ? "gossiped blocks are ignored until it does (or --p2p.unsafe.block.signer is given)"
                : "keeping " + inForce);
      }
      return;
    }
    warnedZero = false;
    if (signer.equals(inForce)) {
      if (!loaded) {
        LOG.info("unsafe block signer {} (from L1 SystemConfig at block #{}{})", signer, at.number(),
            fallback.isPresent() ? ", as --p2p.unsafe.block.signer" : "");
      }
      return;
    }
    if (!sink.publish(new UnsafeBlockSignerObserved(signer))) {
      LOG.debug("unsafe block signer {} not delivered: the node no longer accepts events", signer);
      return;
    }
    LOG.info("unsafe block signer {} (from L1 SystemConfig at block #{}{})", signer, at.number(),
        inForce == null ? "" : "; was " + inForce + (loaded ? "" : " from --p2p.unsafe.block.signer"));
    inForce = signer;
  }

  private void applyVersions(ProtocolVersion req, ProtocolVersion rec, L1BlockRef at) {
    if (req == null) {
      return;
    }
    if (!req.equals(required) || !rec.equals(recommended)) {
      LOG.info("superchain protocol versions at L1 block #{}: required {}, recommended {} (ProtocolVersions {})", at.number(), req,
          rec, protocolVersions);
      required = req;
      recommended = rec;
    }
  }

  /** The signer now in force (the last one published, or the fallback), for status and tests. */
  Optional<Address> signer() {
    return Optional.ofNullable(inForce);
  }

  /** The address in the low 20 bytes of a storage word. */
  static Address addressIn(Hash32 word) {
    return Address.wrap(word.toArray(), 12);
  }
}
