package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.derive.pipeline.frames.FrameSource;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/**
 * op-node's {@code ChannelMux}: the channel bank before Holocene, the channel assembler from
 * Holocene. A reset picks the stage for the reset origin's timestamp; crossing the activation
 * while deriving replaces the bank by a fresh assembler, discarding every buffered channel.
 */
public final class ChannelMux implements ChannelSource, StageState {
  private final RollupConfig config;
  private final FrameSource prev;
  private final DropListener drops;
  private ChannelStage active;

  public ChannelMux(RollupConfig config, FrameSource prev, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
    this.active = new ChannelBank(config, prev, drops);
  }

  @Override
  public L1BlockRef origin() {
    return prev.origin();
  }

  @Override
  public Pull<Bytes> nextChannel() {
    return active.nextChannel();
  }

  public boolean holoceneActive() {
    return active instanceof ChannelAssembler;
  }

  /** Empties the channel stage and selects the one for {@code base}'s timestamp. */
  public void reset(L1BlockRef base) {
    active = config.isActive(Fork.HOLOCENE, base.timestamp())
        ? new ChannelAssembler(config, prev, drops)
        : new ChannelBank(config, prev, drops);
  }

  /** Holocene activated at the new origin: the bank and its channels are replaced. */
  public void transformToHolocene() {
    active = new ChannelAssembler(config, prev, drops);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(holoceneActive());
    active.writeTo(w);
  }

  @Override
  public void readFrom(BinaryReader r) {
    active = r.bool() ? new ChannelAssembler(config, prev, drops) : new ChannelBank(config, prev, drops);
    active.readFrom(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    active.describeTo(v);
  }
}
