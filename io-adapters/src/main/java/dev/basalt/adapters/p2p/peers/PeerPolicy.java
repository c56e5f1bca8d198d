package dev.basalt.adapters.p2p.peers;

import java.time.Duration;

/**
 * How connections are managed besides the high tide ({@code --p2p.peers.hi}, which the service
 * holds).
 *
 * @param lowTide trims stop here and discovered peers are dialed below it ({@code --p2p.peers.lo})
 * @param grace connections younger than this are never trimmed ({@code --p2p.peers.grace})
 * @param redialLimit dials of one address per {@code redialPeriod}, 0 unlimited ({@code --p2p.redial})
 * @param redialPeriod the window of {@code redialLimit} ({@code --p2p.redial.period})
 * @param silence at most one trim per this period (op-node's connection manager: 1 min)
 * @param backoffMin first redial delay, doubled per failure
 * @param backoffMax longest redial delay (op-node polls static peers every minute)
 * @param tick how often the manager looks at its peers
 */
public record PeerPolicy(
    int lowTide,
    Duration grace,
    int redialLimit,
    Duration redialPeriod,
    Duration silence,
    Duration backoffMin,
    Duration backoffMax,
    Duration tick) {
  /** op-node's and kona's defaults: low tide 20, grace 30 s, 500 redials per hour. */
  public static final PeerPolicy DEFAULTS = new PeerPolicy(20, Duration.ofSeconds(30), 500, Duration.ofHours(1),
      Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(1));

  public PeerPolicy {
    if (lowTide < 0 || redialLimit < 0) {
      throw new IllegalArgumentException("low tide and redial limit must not be negative");
    }
    for (Duration d : new Duration[] {grace, redialPeriod, silence, backoffMin, backoffMax, tick}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
    if (tick.isZero() || backoffMin.isZero()) {
      throw new IllegalArgumentException("tick and backoff must be positive");
    }
  }

  public PeerPolicy withTides(int lo, Duration graceTime) {
    return new PeerPolicy(lo, graceTime, redialLimit, redialPeriod, silence, backoffMin, backoffMax, tick);
  }

  public PeerPolicy withRedial(int limit, Duration period) {
    return new PeerPolicy(lowTide, grace, limit, period, silence, backoffMin, backoffMax, tick);
  }

  /** Faster timers (tests). */
  public PeerPolicy withTimers(Duration silencePeriod, Duration backoffFirst, Duration backoffLongest, Duration tickPeriod) {
    return new PeerPolicy(lowTide, grace, redialLimit, redialPeriod, silencePeriod, backoffFirst, backoffLongest, tickPeriod);
  }
}
