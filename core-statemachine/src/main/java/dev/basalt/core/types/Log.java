package dev.basalt.core.types;

import java.util.List;
import java.util.Objects;

/** An EVM log from an L1 receipt: emitting contract, topics and data. */
public record Log(Address address, List<Hash32> topics, Bytes data) {
  public Log {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    Objects.requireNonNull(data, "data");
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
  }
}
