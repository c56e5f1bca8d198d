package dev.basalt.core.derive.pipeline.l1;

import static dev.basalt.core.derive.pipeline.L1Txs.BATCHER;
import static dev.basalt.core.derive.pipeline.L1Txs.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calldata and blob retrieval: who may post, what is read, in which order, and what is dropped. */
class L1RetrievalTest {
  private final RecordingDrops drops = new RecordingDrops();
  private final L1BlockCache cache = new L1BlockCache(16);
  private final L1BlockRef block = Fixtures.l1Chain(10, 1000).get(0);

  private L1Retrieval retrieval(Fork ecotoneOrNot) {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forkAt(Fork.ECOTONE, ecotoneOrNot == Fork.ECOTONE ? 0 : 5000),
        BATCHER.address());
    L1Traversal t = new L1Traversal(cfg, cache);
    t.reset(block, cfg.genesis().systemConfig());
    L1Retrieval r = new L1Retrieval(cfg, t, cache, drops);
    r.reset(block);
    return r;
  }

  private static List<Bytes> readAll(L1Retrieval r) {
    List<Bytes> out = new ArrayList<>();
    while (r.nextData() instanceof Pull.Value<Bytes> v) {
      out.add(v.value());
    }
    return out;
  }

  private static Bytes data(String hex) {
    return Bytes.fromHex(hex);
  }

  @Test
  void calldataOnlyFromTheBatcherToTheInbox() {
    cache.put(L1Txs.block(block,
        L1Txs.calldataTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0x01")),
        L1Txs.calldataTx(STRANGER, 1, Fixtures.BATCH_INBOX, data("0x02")),
        L1Txs.calldataTx(BATCHER, 1, Address.ZERO, data("0x03")),
        L1Txs.calldataTx(BATCHER, 5, Fixtures.BATCH_INBOX, data("0x04")),
        data("0xc0"),
        data("0x05c0"),
        L1Txs.legacyTx(BATCHER, null, Fixtures.BATCH_INBOX, data("0x06")),
        L1Txs.legacyTx(BATCHER, 1L, Fixtures.BATCH_INBOX, data("0x07"))));
    assertEquals(List.of(data("0x01"), data("0x06"), data("0x07")), readAll(retrieval(Fork.DELTA)));
    assertEquals(1, drops.count(DropReason.TX_UNAUTHORIZED_SENDER));
    assertEquals(1, drops.count(DropReason.TX_NOT_TO_INBOX));
    assertEquals(1, drops.count(DropReason.TX_BAD_SIGNATURE), "chain id 5 is not the L1's");
    assertEquals(1, drops.count(DropReason.TX_UNDECODABLE));
    assertEquals(1, drops.count(DropReason.TX_UNKNOWN_TYPE));
  }

  @Test
  void beforeEcotoneABlobTransactionCountsWithItsCalldata() {
    cache.put(L1Txs.block(block, L1Txs.blobTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0xaa"), List.of(L1Txs.versionedHash(1)))));
    assertEquals(List.of(data("0xaa")), readAll(retrieval(Fork.DELTA)));
  }

  @Test
  void blobsAreFetchedOnceForTheBlockAndReadInTransactionOrder() {
    Bytes blob1 = Bytes.wrapOwned(BlobCodec.encode(new byte[] {0x0a}).toArray());
    Bytes blob2 = Bytes.wrapOwned(BlobCodec.encode(new byte[] {0x0b}).toArray());
    List<InboxTransaction> txs = List.of(
        new InboxTransaction(0, L1Txs.calldataTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0x01")), 0),
        new InboxTransaction(3, L1Txs.blobTx(STRANGER, 1, Fixtures.BATCH_INBOX, Bytes.EMPTY, List.of(L1Txs.versionedHash(9))), 2),
        new InboxTransaction(4, L1Txs.blobTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0xff"),
            List.of(L1Txs.versionedHash(1), L1Txs.versionedHash(2))), 3),
        new InboxTransaction(5, L1Txs.calldataTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0x02")), 0));
    cache.put(L1Txs.block(block, txs, List.of()));
    L1Retrieval r = retrieval(Fork.ECOTONE);
    StepResult.NeedBlobs need = assertInstanceOf(StepResult.NeedBlobs.class, ((Pull.Halt<Bytes>) r.nextData()).result());
    assertEquals(block, need.block());
    // Block-wide indices: the unauthorised transaction's blob (index 2) is not fetched.
    assertEquals(List.of(new IndexedBlobHash(3, L1Txs.versionedHash(1)), new IndexedBlobHash(4, L1Txs.versionedHash(2))), need.hashes());
    assertFalse(r.addBlobs(Fixtures.l1Chain(11, 1012).get(0), List.of(blob1, blob2)), "blobs of another block are ignored");
    assertTrue(r.addBlobs(block, List.of(blob1, blob2)));
    assertEquals(List.of(data("0x01"), data("0x0a"), data("0x0b"), data("0x02")), readAll(r));
    assertEquals(1, drops.count(DropReason.BLOB_TX_CALLDATA_IGNORED));
  }

  @Test
  void anUndecodableBlobIsDroppedAndTheRestIsRead() {
    byte[] bad = BlobCodec.encode(new byte[] {0x0a}).toArray();
    bad[1] = 1; // encoding version 1 does not exist
    cache.put(L1Txs.block(block, L1Txs.blobTx(BATCHER, 1, Fixtures.BATCH_INBOX, Bytes.EMPTY,
        List.of(L1Txs.versionedHash(1), L1Txs.versionedHash(2)))));
    L1Retrieval r = retrieval(Fork.ECOTONE);
    r.nextData();
    r.addBlobs(block, List.of(Bytes.wrapOwned(bad), Bytes.wrapOwned(BlobCodec.encode(new byte[] {0x0b}).toArray())));
    assertEquals(List.of(data("0x0b")), readAll(r));
    assertEquals(1, drops.count(DropReason.BLOB_UNDECODABLE));
  }

  @Test
  void theWrongNumberOfBlobsResets() {
    cache.put(L1Txs.block(block, L1Txs.blobTx(BATCHER, 1, Fixtures.BATCH_INBOX, Bytes.EMPTY, List.of(L1Txs.versionedHash(1)))));
    L1Retrieval r = retrieval(Fork.ECOTONE);
    r.nextData();
    assertTrue(r.addBlobs(block, List.of()));
    assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<Bytes>) r.nextData()).result());
    r.reset(block);
    r.nextData();
    assertTrue(r.addBlobs(block, List.of(Bytes.wrapOwned(new byte[Blob.SIZE_BYTES - 1]))));
    assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<Bytes>) r.nextData()).result());
  }

  @Test
  void aMissingBlockIsAskedForAndAReplacedOneResets() {
    L1Retrieval r = retrieval(Fork.DELTA);
    assertEquals(new Pull.Halt<Bytes>(new StepResult.NeedL1Block(10)), r.nextData());
    cache.put(L1Txs.block(new L1BlockRef(Fixtures.hash(9, 10), 10, Fixtures.hash(9, 9), 1000)));
    assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<Bytes>) r.nextData()).result());
  }

  @Test
  void afterAResetTheBaseBlockIsReadTwiceLikeOpNode() {
    cache.put(L1Txs.block(block, L1Txs.calldataTx(BATCHER, 1, Fixtures.BATCH_INBOX, data("0x01"))));
    L1Retrieval r = retrieval(Fork.DELTA);
    assertEquals(List.of(data("0x01")), readAll(r));
    assertEquals(List.of(data("0x01")), readAll(r), "the traversal hands the base block out once more");
    assertEquals(List.of(), readAll(r));
  }

  @Test
  void snapshotWhileAwaitingBlobs() {
    cache.put(L1Txs.block(block, L1Txs.blobTx(BATCHER, 1, Fixtures.BATCH_INBOX, Bytes.EMPTY, List.of(L1Txs.versionedHash(1)))));
    L1Retrieval r = retrieval(Fork.ECOTONE);
    r.nextData();
    BinaryWriter w = new BinaryWriter();
    r.writeTo(w);
    L1Retrieval restored = retrieval(Fork.ECOTONE);
    restored.readFrom(new BinaryReader(w.toByteArray()));
    assertTrue(restored.addBlobs(block, List.of(Bytes.wrapOwned(BlobCodec.encode(new byte[] {0x0c}).toArray()))));
    assertEquals(List.of(data("0x0c")), readAll(restored));
  }
}
