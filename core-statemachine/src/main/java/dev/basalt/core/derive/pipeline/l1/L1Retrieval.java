package dev.basalt.core.derive.pipeline.l1;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.blob.BlobDecodeException;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.derive.pipeline.frames.DataSource;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * op-node's {@code L1Retrieval} with its data sources: for the block the traversal hands over, the
 * batcher data in order, from calldata before Ecotone and from blobs plus calldata from Ecotone
 * (decided by the L1 block's timestamp, as op-node does). Blobs of a block are requested together,
 * once, as {@link StepResult.NeedBlobs}; a blob that is not valid rollup data is dropped and the
 * rest of the block's data is still read.
 */
public final class L1Retrieval implements DataSource, StageState {
  private enum Phase { CLOSED, OPENING, AWAITING_BLOBS, OPEN }

  private final RollupConfig config;
  private final L1Traversal traversal;
  private final L1BlockCache blocks;
  private final DropListener drops;
  /** Senders recovered so far: a reset reads the same blocks again (not state: never snapshotted). */
  private final SenderMemo senders;

  private Phase phase = Phase.CLOSED;
  private L1BlockRef target;
  /** Batcher data of the open block; null entries are blobs still to be fetched. */
  private final ArrayList<Bytes> items = new ArrayList<>();
  private List<IndexedBlobHash> blobHashes = List.of();
  /** Set when the blobs handed in cannot be the ones asked for: the next pull resets. */
  private String blobFailure;

  public L1Retrieval(RollupConfig config, L1Traversal traversal, L1BlockCache blocks, DropListener drops) {
    this(config, traversal, blocks, drops, new SenderMemo());
  }

  public L1Retrieval(RollupConfig config, L1Traversal traversal, L1BlockCache blocks, DropListener drops, SenderMemo senders) {
    this.senders = senders;
    this.config = config;
    this.traversal = traversal;
    this.blocks = blocks;
    this.drops = drops;
  }

  @Override
  public L1BlockRef origin() {
    return traversal.origin();
  }

  @Override
  public Pull<Bytes> nextData() {
    if (phase == Phase.CLOSED) {
      Pull<L1BlockRef> next = traversal.nextL1Block();
      if (!(next instanceof Pull.Value<L1BlockRef> v)) {
        return next.pass();
      }
      target = v.value();
      phase = Phase.OPENING;
    }
    if (phase == Phase.OPENING) {
      Pull<Bytes> opened = open();
      if (opened != null) {
        return opened;
      }
    }
    if (phase == Phase.AWAITING_BLOBS) {
      if (blobFailure != null) {
        return Pull.reset(blobFailure);
      }
      return Pull.halt(new StepResult.NeedBlobs(target, blobHashes));
    }
    if (items.isEmpty()) {
      phase = Phase.CLOSED;
      target = null;
      return Pull.eof();
    }
    return Pull.value(items.remove(0));
  }

  /** Selects the block's batcher data; returns a pull to hand back while it cannot be selected yet. */
  private Pull<Bytes> open() {
    L1Block cached = blocks.get(target.number());
    if (cached != null && !cached.ref().equals(target)) {
      // op-node fetches the block by hash and resets when it is gone: the L1 chain reorged.
      return Pull.reset("L1 block " + target + " was replaced by " + cached.ref());
    }
    L1Block block = blocks.getWithInbox(target.number());
    if (block == null) {
      return Pull.needL1Block(target.number());
    }
    boolean blobMode = config.isActive(Fork.ECOTONE, target.timestamp());
    BatcherTransactions.Selection selection =
        BatcherTransactions.select(block.inboxTransactions(), traversal.systemConfig().batcherAddress(), config, blobMode, drops,
            senders);
    items.clear();
    items.addAll(selection.items());
    blobHashes = selection.blobHashes();
    blobFailure = null;
    phase = blobHashes.isEmpty() ? Phase.OPEN : Phase.AWAITING_BLOBS;
    return null;
  }

  /**
   * The blobs asked for with {@link StepResult.NeedBlobs}, in the order asked. Returns false when
   * nothing is waiting for blobs of {@code block} (a late or repeated answer is ignored).
   */
  public boolean addBlobs(L1BlockRef block, List<Bytes> blobs) {
    if (phase != Phase.AWAITING_BLOBS || !block.equals(target)) {
      return false;
    }
    if (blobs.size() != blobHashes.size()) {
      // op-node's fillBlobPointers: a fetcher answering with the wrong number of blobs resets.
      blobFailure = "expected " + blobHashes.size() + " blobs for " + block + ", got " + blobs.size();
      return true;
    }
    for (Bytes b : blobs) {
      if (b.length() != Blob.SIZE_BYTES) {
        blobFailure = "a blob of " + b.length() + " bytes for " + block;
        return true;
      }
    }
    fillBlobs(blobs);
    phase = Phase.OPEN;
    return true;
  }

  private void fillBlobs(List<Bytes> blobs) {
    ArrayList<Bytes> filled = new ArrayList<>(items.size());
    int next = 0;
    for (Bytes item : items) {
      if (item != null) {
        filled.add(item);
        continue;
      }
      IndexedBlobHash hash = blobHashes.get(next);
      Bytes blob = blobs.get(next++);
      try {
        filled.add(Bytes.wrapOwned(BlobCodec.decode(Blob.of(blob))));
      } catch (BlobDecodeException e) {
        drops.dropped(DropReason.BLOB_UNDECODABLE, "blob " + hash.index() + " of " + target + ": " + e.getMessage());
      }
    }
    items.clear();
    items.addAll(filled);
    blobHashes = List.of();
  }

  /**
   * op-node opens the base block's data on reset while the traversal will hand the same block out
   * again; both clients therefore read the base block's batcher data twice after a reset, and so
   * does this stage (the second copy only repeats frames already seen).
   */
  public void reset(L1BlockRef base) {
    items.clear();
    blobHashes = List.of();
    blobFailure = null;
    target = base;
    phase = Phase.OPENING;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.u8(phase.ordinal());
    PipelineCodec.writeOptionalRef(w, target);
    w.i32(items.size());
    for (Bytes item : items) {
      w.bool(item != null);
      if (item != null) {
        w.bytes(item);
      }
    }
    w.i32(blobHashes.size());
    for (IndexedBlobHash h : blobHashes) {
      ValueCodec.write(w, h);
    }
    w.bool(blobFailure != null);
    if (blobFailure != null) {
      w.string(blobFailure);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    phase = r.enumValue(Phase.values(), "retrieval phase");
    target = PipelineCodec.readOptionalRef(r);
    int n = r.count(PipelineCodec.MAX_ITEMS, "retrieved items");
    items.clear();
    for (int i = 0; i < n; i++) {
      items.add(r.bool() ? r.bytes() : null);
    }
    int h = r.count(PipelineCodec.MAX_ITEMS, "blob hashes");
    List<IndexedBlobHash> hashes = new ArrayList<>(Math.min(h, 1024));
    for (int i = 0; i < h; i++) {
      hashes.add(ValueCodec.readIndexedBlobHash(r));
    }
    blobHashes = List.copyOf(hashes);
    blobFailure = r.bool() ? r.string() : null;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("phase", phase.name());
    PipelineCodec.describeOptionalRef(v, "target", target);
    v.beginArray("items");
    for (Bytes item : items) {
      if (item == null) {
        v.value(null, "blob pending");
      } else {
        PipelineCodec.describeBytes(v, null, item);
      }
    }
    v.endArray();
    v.beginArray("blobHashes");
    for (IndexedBlobHash hash : blobHashes) {
      v.beginObject(null);
      v.value("index", hash.index());
      v.value("versionedHash", hash.versionedHash());
      v.endObject();
    }
    v.endArray();
    v.value("blobFailure", blobFailure == null ? "" : blobFailure);
  }
}
