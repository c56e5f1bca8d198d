package dev.basalt.adapters.p2p.reqresp;

import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.core.config.RollupConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Serves {@code payload_by_number} on a libp2p host under both protocol IDs (op-node's and kona's
 * with a trailing slash; multistream-select matches exactly). Blocks come from the {@link
 * PayloadSource} set with {@link #setSource} (until then every request is "not found"). One
 * scheduler thread runs throttle delays and deadlines; the work per stream is in {@link
 * PayloadRequest}.
 */
public final class PayloadByNumberServer implements AutoCloseable {
  /** Largest answer body we send (op-node's clients refuse more than {@code maxGossipSize}). */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final RollupConfig rollup;
  private final ServerLimits limits;
  private final LongSupplier clock;
  private final TokenBucket global;
  private final Map<String, TokenBucket> peers;
  private final ScheduledExecutorService scheduler;
  private final AtomicLongArray results = new AtomicLongArray(ResultCode.values().length);
  private volatile PayloadSource source = PayloadSource.NONE;
  private volatile Host host;

  public PayloadByNumberServer(RollupConfig rollup, ServerLimits limits, LongSupplier clockMillis) {
    this.rollup = rollup;
    this.limits = limits;
    this.clock = clockMillis;
    this.global = new TokenBucket(limits.globalPerSecond(), limits.globalBurst(), clockMillis.getAsLong());
    int remembered = limits.peersRemembered();
    this.peers = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
        return size() > remembered;
      }
    };
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "p2p-reqresp");
      t.setDaemon(true);
      return t;
    });
  }

  /** op-node's ID first, then kona's. */
  public static List<String> protocolIds(long l2ChainId) {
    String id = "/opstack/req/payload_by_number/" + l2ChainId + "/0";
    return List.of(id, id + "/");
  }

  /** Serves both protocol IDs on {@code h}. */
  public void register(Host h) {
    this.host = h;
    for (String id : protocolIds(rollup.l2ChainId())) {
      h.setProtocolHandler(id, this::accept);
    }
  }

  public void setSource(PayloadSource s) {
    this.source = s;
  }

  /** How many requests ended with {@code code} since start. */
  public long served(ResultCode code) {
    return results.get(code.ordinal());
  }

  private StreamHandler accept(dev.basalt.adapters.p2p.host.Stream stream) {
    return new PayloadRequest(this);
  }

  /**
   * The wait before a new request of {@code peer} may be read, or -1 when it is throttled beyond
   * {@link ServerLimits#maxThrottle()}. A peer's first request is free and delays its next one (as
   * op-node's fresh limiter with one reservation).
   */
  long reserve(String peer) {
    long now = clock.getAsLong();
    long max = limits.maxThrottle().toMillis();
    long g = global.reserve(now, max);
    if (g < 0) {
      return -1;
    }
    long p;
    synchronized (peers) {
      TokenBucket bucket = peers.get(peer);
      if (bucket == null) {
        bucket = new TokenBucket(limits.peerPerSecond(), limits.peerBurst(), now);
        peers.put(peer, bucket);
        bucket.reserve(now, Long.MAX_VALUE);
        p = 0;
      } else {
        p = bucket.reserve(now, max);
      }
    }
    if (p < 0) {
      global.cancel();
      return -1;
    }
    return Math.max(g, p);
  }

  /** The highest block number that can exist now (op-node {@code TargetBlockNumber}). */
  long maxServable() {
    long nowSeconds = Math.floorDiv(clock.getAsLong(), 1000);
    long genesisTime = rollup.genesis().l2Time();
    return nowSeconds < genesisTime ? -1 : rollup.l2BlockNumberAt(nowSeconds);
  }

  long genesisNumber() {
    return rollup.genesis().l2().number();
  }

  RollupConfig rollup() {
    return rollup;
  }

  ServerLimits limits() {
    return limits;
  }

  PayloadSource source() {
    return source;
  }

  /** Runs {@code task} after {@code delayMillis} on the scheduler (dropped once the server closed: its streams go too). */
  void later(Runnable task, long delayMillis) {
    try {
      scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  void count(ResultCode code) {
    results.incrementAndGet(code.ordinal());
  }

  @Override
  public void close() {
    Host h = host;
    if (h != null) {
      for (String id : protocolIds(rollup.l2ChainId())) {
        h.removeProtocolHandler(id);
      }
    }
    scheduler.shutdownNow();
  }
}
