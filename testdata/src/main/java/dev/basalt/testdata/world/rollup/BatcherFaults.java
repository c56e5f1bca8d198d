package dev.basalt.testdata.world.rollup;

/**
 * Batcher misbehaviour, each as a chance in 100 per channel posted. None of it changes the true
 * chain: derivation ignores the bad data and the real data is posted as well.
 *
 * @param garbage a transaction to the inbox from the batcher whose data does not parse (random
 *     bytes as calldata, or a blob of random bytes)
 * @param unauthorised the channel's transactions also sent by a key that is not the batcher
 * @param duplicateFrames the channel's transactions sent twice (only from Canyon and before
 *     Holocene, where a repeated frame is ignored without blocking the channel bank)
 * @param outOfOrderFrames the channel's frames sent in reverse order (before Holocene, whose
 *     channel bank reassembles them; Holocene would drop the channel)
 * @param timedOutChannel an extra channel for the same blocks whose first frames are sent and
 *     the rest never (from Canyon, whose channel bank reads the next ready channel meanwhile)
 */
public record BatcherFaults(int garbage, int unauthorised, int duplicateFrames, int outOfOrderFrames, int timedOutChannel) {
  /** The kinds of misbehaviour, as the batcher counts them. */
  public enum Kind { GARBAGE, UNAUTHORISED, DUPLICATE_FRAMES, OUT_OF_ORDER_FRAMES, TIMED_OUT_CHANNEL }

  public static final BatcherFaults NONE = new BatcherFaults(0, 0, 0, 0, 0);

  public BatcherFaults {
    for (int p : new int[] {garbage, unauthorised, duplicateFrames, outOfOrderFrames, timedOutChannel}) {
      if (p < 0 || p > 100) {
        throw new IllegalArgumentException("fault chances are percentages");
      }
    }
  }
}
