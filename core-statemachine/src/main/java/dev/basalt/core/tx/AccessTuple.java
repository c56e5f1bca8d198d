package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Objects;

/** One EIP-2930 access-list entry: an address and the storage slots it pre-warms. */
public record AccessTuple(Address address, List<Hash32> storageKeys) {
  public AccessTuple {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }
}
