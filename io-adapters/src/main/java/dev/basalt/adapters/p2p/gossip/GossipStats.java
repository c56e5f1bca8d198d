package dev.basalt.adapters.p2p.gossip;

/**
 * Counters of one router, written by its thread only and read by metrics (values may be a moment
 * stale when read from another thread, never torn: each is one long).
 */
public final class GossipStats {
  volatile long rpcsIn;
  volatile long rpcsOut;
  volatile long accepted;
  volatile long rejected;
  volatile long ignored;
  volatile long duplicates;
  volatile long forwarded;
  volatile long published;
  volatile long throttled;
  volatile long graylistedRpcs;
  volatile long ihaveFloods;
  volatile long brokenPromises;
  volatile long validationTimeouts;

  public long rpcsIn() {
    return rpcsIn;
  }

  public long rpcsOut() {
    return rpcsOut;
  }

  public long accepted() {
    return accepted;
  }

  public long rejected() {
    return rejected;
  }

  public long ignored() {
    return ignored;
  }

  public long duplicates() {
    return duplicates;
  }

  public long forwarded() {
    return forwarded;
  }

  public long published() {
    return published;
  }

  /** Messages dropped unjudged because the validation queue was full. */
  public long throttled() {
    return throttled;
  }

  /** RPCs dropped whole because their sender's score was below the graylist threshold. */
  public long graylistedRpcs() {
    return graylistedRpcs;
  }

  public long ihaveFloods() {
    return ihaveFloods;
  }

  public long brokenPromises() {
    return brokenPromises;
  }

  public long validationTimeouts() {
    return validationTimeouts;
  }
}
