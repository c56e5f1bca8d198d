package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/** Complete channels' compressed bytes, in the order they are to be read. */
public interface ChannelSource {
  Pull<Bytes> nextChannel();

  L1BlockRef origin();
}
