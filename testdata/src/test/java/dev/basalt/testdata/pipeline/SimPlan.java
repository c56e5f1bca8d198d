package dev.basalt.testdata.pipeline;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;

/**
 * When the batcher posts which L2 blocks, and which blocks it never gets into L1 in time. A block
 * is posted in the first posting L1 block after it was built; when that block is past its epoch's
 * sequencing window, the block is lost, and derivation will make it an empty block.
 */
final class SimPlan {
  /** The faults a posting may carry; each must leave the derived chain unchanged. */
  enum Fault {
    NONE,
    /** A conflicting valid channel from someone else than the batcher, before the honest one. */
    UNAUTHORIZED,
    /** A conflicting valid channel from the batcher key that was rotated out. */
    OLD_BATCHER,
    /** A channel whose first batch breaks a rule (a deposit), plus, from Holocene, conflicting batches after it. */
    INVALID_FIRST,
    /** A conflicting batch with a SetCode transaction before Isthmus. */
    SETCODE_PRE_ISTHMUS,
    /** A conflicting span batch before Delta. */
    SPAN_PRE_DELTA,
    /** A conflicting brotli channel before Fjord. */
    BROTLI_PRE_FJORD,
    /** A conflicting channel whose last frame comes one block after its timeout. */
    TIMEOUT_DECOY,
    /** An earlier posting's transactions again. */
    DUPLICATE,
    /** Unparseable calldata, an unreadable channel and an undecodable blob from the batcher. */
    GARBAGE,
    /** The posting's later channel first, then the earlier one, then the later one again. */
    FUTURE_FIRST,
    /** Before Holocene: one channel's frames, one per transaction, in shuffled order. */
    OUT_OF_ORDER,
    /** A conflicting non-empty batch for a Jovian or Karst activation block. */
    ACTIVATION_TXS
  }

  /**
   * @param l1Block where the channels complete (for spread channels: where the last frame lands)
   * @param from first L2 block number posted, {@code to} one past the last
   * @param spread how many L1 blocks before {@code l1Block} the first frames land
   * @param decoyStart for {@link Fault#TIMEOUT_DECOY}: where the decoy's first frames land
   */
  record Posting(long l1Block, int from, int to, int spread, Fault fault, long decoyStart) {}

  final List<long[]> times;
  final boolean[] lost;
  final List<Posting> postings = new ArrayList<>();
  private final SimChain chain;
  private final RollupConfig config;
  private final SimRng rng;

  SimPlan(SimChain chain, List<long[]> times) {
    this.chain = chain;
    this.config = chain.config;
    this.times = times;
    this.lost = new boolean[times.size()];
    this.rng = chain.rng.fork("plan");
    plan();
  }

  private long epoch(int index) {
    return times.get(index)[1];
  }

  private long time(long l1Block) {
    return chain.l1.ref(l1Block).timestamp();
  }

  private void plan() {
    SimScenario s = chain.scenario;
    int next = 0;
    long busyUntil = 0;
    long lastPosting = chain.l1.size() - 2;
    for (long p = 1; p <= lastPosting && next < times.size(); p++) {
      boolean last = p == lastPosting;
      if (!last && (s.inGap(p) || p <= busyUntil)) {
        continue;
      }
      int end = next;
      while (end < times.size() && times.get(end)[0] <= time(p)) {
        end++;
      }
      while (next < end && epoch(next) + s.seqWindow() < p) {
        lost[next++] = true;
      }
      if (next == end) {
        continue;
      }
      boolean mustPost = last || epoch(next) + s.seqWindow() <= p + 1;
      if (!mustPost && !rng.chance(s.postPercent(), 100)) {
        continue;
      }
      Fault fault = last ? Fault.NONE : chooseFault(p, next, end);
      if (fault == Fault.TIMEOUT_DECOY) {
        long q = timeoutBlock(p);
        if (timeoutDecoyFits(p, q, next, lastPosting)) {
          int qEnd = end;
          while (qEnd < times.size() && times.get(qEnd)[0] <= time(q)) {
            qEnd++;
          }
          postings.add(new Posting(q, next, qEnd, 0, fault, p));
          busyUntil = q;
          next = qEnd;
          continue;
        }
        fault = Fault.NONE;
      }
      int spread = last || fault != Fault.NONE ? 0 : chooseSpread(p, next, lastPosting);
      postings.add(new Posting(p + spread, next, end, spread, fault, -1));
      busyUntil = p + spread;
      next = end;
    }
  }

  /** The first block at which a channel opened at {@code p} has timed out. */
  private long timeoutBlock(long p) {
    long q = p + config.channelTimeout(time(p)) + 1;
    // The timeout is that of the block the frame arrives in (Granite may activate in between).
    long timeout = config.channelTimeout(time(Math.min(q, chain.l1.size() - 1)));
    return p + timeout + 1;
  }

  private boolean timeoutDecoyFits(long p, long q, int first, long lastPosting) {
    if (q >= lastPosting || epoch(first) + chain.scenario.seqWindow() < q) {
      return false;
    }
    for (long b = p; b <= q; b++) {
      if (chain.scenario.inGap(b)) {
        return false;
      }
    }
    // The Holocene switch discards buffered channels; keep the decoy on one side of it.
    return config.isActive(Fork.CANYON, time(p)) && holocene(p) == holocene(q);
  }

  private boolean holocene(long l1Block) {
    return config.isActive(Fork.HOLOCENE, time(l1Block));
  }

  private int chooseSpread(long p, int first, long lastPosting) {
    int spread = rng.chance(1, 4) ? 1 + rng.nextInt(2) : 0;
    while (spread > 0) {
      long c = p + spread;
      boolean fits = c < lastPosting && epoch(first) + chain.scenario.seqWindow() >= c && holocene(p) == holocene(c);
      for (long b = p + 1; b <= c && fits; b++) {
        fits = !chain.scenario.inGap(b);
      }
      if (fits) {
        return spread;
      }
      spread--;
    }
    return 0;
  }

  private Fault chooseFault(long p, int from, int to) {
    long t = time(p);
    for (int i = from; i < to; i++) {
      long ts = times.get(i)[0];
      if ((config.isActivationBlock(Fork.JOVIAN, ts) || config.isActivationBlock(Fork.KARST, ts)) && !lost[i]) {
        return Fault.ACTIVATION_TXS;
      }
    }
    if (!rng.chance(chain.scenario.faultPercent(), 100)) {
      return Fault.NONE;
    }
    // The timeout decoy often does not fit (window, gaps, forks): it gets three tickets.
    List<Fault> options = new ArrayList<>(List.of(Fault.UNAUTHORIZED, Fault.INVALID_FIRST, Fault.GARBAGE,
        Fault.TIMEOUT_DECOY, Fault.TIMEOUT_DECOY, Fault.TIMEOUT_DECOY));
    if (!postings.isEmpty()) {
      options.add(Fault.DUPLICATE);
    }
    if (to - from >= 2) {
      options.add(Fault.FUTURE_FIRST);
    }
    if (chain.scenario.rotateBatcherAt() > 0 && p >= chain.scenario.rotateBatcherAt()) {
      options.add(Fault.OLD_BATCHER);
    }
    if (!config.isActive(Fork.ISTHMUS, times.get(from)[0])) {
      options.add(Fault.SETCODE_PRE_ISTHMUS);
    }
    if (!config.isActive(Fork.DELTA, t)) {
      options.add(Fault.SPAN_PRE_DELTA);
    }
    if (!config.isActive(Fork.FJORD, t)) {
      options.add(Fault.BROTLI_PRE_FJORD);
    }
    if (!holocene(p)) {
      options.add(Fault.OUT_OF_ORDER);
    }
    return options.get(rng.nextInt(options.size()));
  }
}
