package dev.basalt.core.derive.pipeline;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import java.util.Optional;

/**
 * op-node's {@code initialReset}: where to restart reading L1 so that every channel that could
 * still produce a block after the safe head is read again. Walks the L2 chain back from the safe
 * head until an ancestor whose L1 origin is a full channel timeout (of that origin's fork) before
 * the safe head's origin, or genesis; the pipeline restarts at that ancestor's origin with the
 * ancestor's system config. Missing L2 ancestors and L1 origins are asked for one at a time.
 */
final class PipelineReset implements StageState {
  /** Where the walk ended: the pipeline's new origin and the system config to filter with. */
  record Target(L1BlockRef origin, SystemConfig systemConfig) {}

  private final RollupConfig config;
  private L2BlockInfo safeHead;
  private L2BlockInfo cursor;
  /** The cursor's L1 origin, once fetched and checked. */
  private L1BlockRef cursorOrigin;

  PipelineReset(RollupConfig config, L2BlockInfo safeHead) {
    this.config = config;
    this.safeHead = safeHead;
    this.cursor = safeHead;
  }

  L2BlockInfo safeHead() {
    return safeHead;
  }

  /** Walks back at most {@code budget} blocks; a value when done, else what is missing. */
  Pull<Target> walk(L1BlockCache blocks, L2ChainView l2, int budget) {
    long safeOrigin = safeHead.ref().l1Origin().number();
    for (int i = 0; i < budget; i++) {
      if (cursorOrigin == null) {
        L1Block origin = blocks.get(cursor.ref().l1Origin().number());
        if (origin == null) {
          return Pull.needL1Block(cursor.ref().l1Origin().number());
        }
        if (!origin.ref().hash().equals(cursor.ref().l1Origin().hash())) {
          return Pull.reset("L1 origin " + cursor.ref().l1Origin() + " of L2 block " + cursor.ref().id() + " is no longer canonical");
        }
        cursorOrigin = origin.ref();
      }
      long originNumber = cursor.ref().l1Origin().number();
      boolean afterL2Genesis = cursor.ref().number() > config.genesis().l2().number();
      boolean afterL1Genesis = originNumber > config.genesis().l1().number();
      boolean afterTimeout = originNumber + config.channelTimeout(cursorOrigin.timestamp()) > safeOrigin;
      if (!(afterL2Genesis && afterL1Genesis && afterTimeout)) {
        return Pull.value(new Target(cursorOrigin, cursor.systemConfig()));
      }
      Optional<L2BlockInfo> parent = l2.blockByNumber(cursor.ref().number() - 1);
      if (parent.isEmpty()) {
        return Pull.needL2Block(cursor.ref().number() - 1);
      }
      if (!parent.get().ref().hash().equals(cursor.ref().parentHash())) {
        return Pull.reset("L2 block " + parent.get().ref().id() + " is not the parent of " + cursor.ref().id());
      }
      if (!parent.get().ref().l1Origin().equals(cursor.ref().l1Origin())) {
        cursorOrigin = null;
      }
      cursor = parent.get();
    }
    return Pull.more();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    PipelineCodec.writeL2BlockInfo(w, safeHead);
    PipelineCodec.writeL2BlockInfo(w, cursor);
    PipelineCodec.writeOptionalRef(w, cursorOrigin);
  }

  @Override
  public void readFrom(BinaryReader r) {
    safeHead = PipelineCodec.readL2BlockInfo(r);
    cursor = PipelineCodec.readL2BlockInfo(r);
    cursorOrigin = PipelineCodec.readOptionalRef(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    PipelineCodec.describeL2BlockInfo(v, "safeHead", safeHead);
    PipelineCodec.describeL2BlockInfo(v, "cursor", cursor);
    PipelineCodec.describeOptionalRef(v, "cursorOrigin", cursorOrigin);
  }
}
