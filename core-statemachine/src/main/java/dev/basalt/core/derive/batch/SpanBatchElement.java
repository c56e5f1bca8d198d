package dev.basalt.core.derive.batch;

import dev.basalt.core.types.Bytes;
import java.util.List;

/**
 * One block of a derived span batch: its L1 origin number, timestamp and full transactions. It has
 * no parent hash or origin hash: the span carries only truncated checks of those.
 */
public record SpanBatchElement(long epochNumber, long timestamp, List<Bytes> transactions) {
  public SpanBatchElement {
    transactions = List.copyOf(transactions);
  }
}
