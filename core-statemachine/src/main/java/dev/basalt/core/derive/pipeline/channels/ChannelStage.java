package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.types.Bytes;

/**
 * Assembles frames into complete channels: the {@link ChannelBank} before Holocene, the {@link
 * ChannelAssembler} from Holocene (op-node {@code RawChannelProvider}).
 */
interface ChannelStage extends StageState {
  /** The next complete channel's compressed bytes. */
  Pull<Bytes> nextChannel();

  /** Forgets every frame and channel. */
  void reset();
}
