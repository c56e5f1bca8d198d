package dev.basalt.adapters.p2p.reqresp;

import java.time.Duration;

/**
 * The server's rate limits and deadlines (op-node {@code sync.go} constants, {@link #OP_NODE}).
 *
 * @param globalPerSecond requests served per second over all peers
 * @param globalBurst requests the global bucket holds
 * @param peerPerSecond requests served per second to one peer
 * @param peerBurst requests one peer's bucket holds
 * @param peersRemembered peers whose buckets are kept (least recently used dropped)
 * @param maxThrottle the longest a request may wait for tokens; longer is answered "unknown error"
 * @param readTimeout deadline for the 8-byte request after the throttle
 * @param writeTimeout deadline for writing the answer
 * @param sourceTimeout how long the payload source may take
 */
public record ServerLimits(
    double globalPerSecond,
    int globalBurst,
    double peerPerSecond,
    int peerBurst,
    int peersRemembered,
    Duration maxThrottle,
    Duration readTimeout,
    Duration writeTimeout,
    Duration sourceTimeout) {
  public static final ServerLimits OP_NODE = new ServerLimits(20, 40, 4, 15, 1000, Duration.ofSeconds(20),
      Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

  public ServerLimits {
    if (globalPerSecond <= 0 || peerPerSecond <= 0 || globalBurst < 1 || peerBurst < 1 || peersRemembered < 1) {
      throw new IllegalArgumentException("rates and bursts must be positive");
    }
  }

  public ServerLimits withPeerRate(double perSecond, int burst) {
    return new ServerLimits(globalPerSecond, globalBurst, perSecond, burst, peersRemembered, maxThrottle, readTimeout,
        writeTimeout, sourceTimeout);
  }

  public ServerLimits withMaxThrottle(Duration d) {
    return new ServerLimits(globalPerSecond, globalBurst, peerPerSecond, peerBurst, peersRemembered, d, readTimeout,
        writeTimeout, sourceTimeout);
  }

  public ServerLimits withReadTimeout(Duration d) {
    return new ServerLimits(globalPerSecond, globalBurst, peerPerSecond, peerBurst, peersRemembered, maxThrottle, d,
        writeTimeout, sourceTimeout);
  }
}
