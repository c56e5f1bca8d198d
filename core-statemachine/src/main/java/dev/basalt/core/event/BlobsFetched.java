package dev.basalt.core.event;

import dev.basalt.core.types.Bytes;
import java.util.List;

/**
 * Answer to {@code FetchBlobs}: the blobs, in the order they were asked for, each checked by the
 * adapter against its versioned hash.
 */
public record BlobsFetched(long correlationId, List<Bytes> blobs) implements InputEvent {
  public BlobsFetched {
    blobs = List.copyOf(blobs);
  }
}
