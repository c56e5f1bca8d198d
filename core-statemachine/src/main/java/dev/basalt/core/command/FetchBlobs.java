package dev.basalt.core.command;

import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Objects;

/** Fetch these blobs of {@code block} from the beacon API; answered by {@code BlobsFetched}. */
public record FetchBlobs(long correlationId, L1BlockRef block, List<IndexedBlobHash> hashes) implements Command, Request {
  public FetchBlobs {
    Objects.requireNonNull(block, "block");
    hashes = List.copyOf(hashes);
  }
}
