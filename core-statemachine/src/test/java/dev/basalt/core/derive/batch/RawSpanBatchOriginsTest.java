package dev.basalt.core.derive.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.basalt.core.types.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawSpanBatchOriginsTest {
  private static final SpanBits NONE = SpanBits.of(new boolean[0]);
  private static final SpanBatchTxs NO_TXS =
      new SpanBatchTxs(NONE, NONE, Bytes.EMPTY, List.of(), List.of(), U64List.EMPTY, U64List.EMPTY, NONE);

  private static RawSpanBatch span(long lastOrigin, boolean... originBits) {
    SpanBatchPrefix prefix = new SpanBatchPrefix(10, lastOrigin, Bytes.of(new byte[20]), Bytes.of(new byte[20]));
    return new RawSpanBatch(prefix, SpanBits.of(originBits), U64List.of(new long[originBits.length]), NO_TXS);
  }

  @Test
  void walksTheOriginBitsBackFromTheLastBlocksOrigin() {
    // Block 0's bit never moves the origin; bits at blocks 2 and 3 each start a new epoch.
    RawSpanBatch batch = span(100, true, false, true, true, false);
    assertArrayEquals(new long[] {98, 98, 99, 100, 100}, batch.l1OriginNumbers());
  }

  @Test
  void agreesWithDerive() {
    RawSpanBatch batch = span(7, false, true, false, true);
    long[] derived = batch.derive(2, 0, 10).elements().stream().mapToLong(SpanBatchElement::epochNumber).toArray();
    assertArrayEquals(derived, batch.l1OriginNumbers());
  }
}
