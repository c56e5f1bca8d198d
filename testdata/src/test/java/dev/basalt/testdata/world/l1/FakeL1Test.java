package dev.basalt.testdata.world.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.BlockHeaderCodec;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.UserDeposits;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.sysconfig.SystemConfigUpdater;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.ReceiptCodec;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.fault.Fault;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeL1Test {
  static final RollupAddresses ADDRESSES = new RollupAddresses(Address.fromHex("0xff00000000000000000000000000000000000901"),
      Address.fromHex("0x" + "22".repeat(20)), Address.fromHex("0x" + "33".repeat(20)));
  static final SigningKey BATCHER = SigningKey.fromHex("0x" + "0b".repeat(32));
  static final SigningKey USER = SigningKey.fromHex("0x" + "0c".repeat(32));
  static final SigningKey OWNER = SigningKey.fromHex("0x" + "0d".repeat(32));

  static FakeL1 chain(long seed, L1Forks forks) {
    return new FakeL1(L1Params.of(900, 1_000, 12, forks), new SimRng(seed));
  }

  @Test
  void blocksOfEveryKindReverifyAcrossL1Forks() {
    FakeL1 l1 = chain(1, new L1Forks(1_024, 1_048, 1_072));
    SimRng rng = new SimRng(2);
    PortalDeposits deposit = new PortalDeposits(USER.address(), Address.fromHex("0x" + "44".repeat(20)), BigInteger.TEN,
        BigInteger.ONE, 100_000, false, Bytes.fromHex("0xc0ffee"));
    for (int i = 0; i < 8; i++) {
      l1.submit(l1.txs().filler(USER, rng));
      l1.submit(l1.txs().batcherCalldata(BATCHER, ADDRESSES.batchInbox(), new byte[] {0, 1, 2, 3}));
      l1.submit(l1.txs().deposit(USER, ADDRESSES.portal(), deposit));
      l1.submit(l1.txs().configUpdate(OWNER, ADDRESSES.systemConfig(), new ConfigUpdate.GasLimit(40_000_000 + i)));
      if (l1.params().forks().cancun(l1.chain().head().timestamp() + 12)) {
        l1.submit(l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), List.of(BlobCodec.encode(new byte[] {9, 9, (byte) i}))));
      }
      l1.mine();
    }
    l1.chain().canonical().forEach(b -> L1Checks.verify(l1, b));
    BlockHeader genesis = l1.chain().genesis().header();
    assertNull(genesis.withdrawalsRoot(), "genesis is London only");
    assertNotNull(l1.chain().head().header().requestsHash(), "head is Prague");
    assertEquals(BlockHeader.EMPTY_REQUESTS_HASH, l1.chain().head().header().requestsHash());
  }

  @Test
  void derivationViewCarriesInboxTransactionsDepositsAndConfigUpdates() {
    FakeL1 l1 = chain(3, L1Forks.allAtGenesis());
    PortalDeposits deposit = new PortalDeposits(USER.address(), Address.fromHex("0x" + "44".repeat(20)), BigInteger.TEN,
        BigInteger.ONE, 100_000, false, Bytes.fromHex("0xc0ffee"));
    l1.submit(l1.txs().filler(USER, new SimRng(4)));
    l1.submit(l1.txs().deposit(USER, ADDRESSES.portal(), deposit));
    l1.submit(l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), List.of(BlobCodec.encode(new byte[] {1}), BlobCodec.encode(new byte[] {2}))));
    l1.submit(l1.txs().configUpdate(OWNER, ADDRESSES.systemConfig(), new ConfigUpdate.Batcher(BATCHER.address())));
    l1.submit(l1.txs().batcherCalldata(BATCHER, ADDRESSES.batchInbox(), new byte[] {0, 7}));
    l1.submit(l1.txs().configUpdate(OWNER, ADDRESSES.systemConfig(), new ConfigUpdate.Eip1559Params(250, 6)));
    MinedL1Block block = l1.mine();
    L1Block view = DerivationView.of(block, ADDRESSES);
    assertEquals(block.ref(), view.ref());
    assertEquals(2, view.inboxTransactions().size());
    assertEquals(2, view.inboxTransactions().get(0).txIndex());
    assertEquals(0, view.inboxTransactions().get(0).firstBlobIndex());
    assertEquals(4, view.inboxTransactions().get(1).txIndex());
    var deposits = assertInstanceOf(UserDeposits.Derived.class, DepositLogs.derive(view.logs(), block.hash(), ADDRESSES.portal()));
    assertEquals(1, deposits.deposits().size());
    var d = deposits.deposits().get(0);
    assertEquals(USER.address(), d.from());
    assertEquals(deposit.to(), d.to());
    assertEquals(BigInteger.TEN, d.mint());
    assertEquals(100_000, d.gasLimit());
    assertEquals(Bytes.fromHex("0xc0ffee"), d.data());
    SystemConfig before = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    var updated = SystemConfigUpdater.apply(before, view.logs(), ADDRESSES.systemConfig(), true);
    assertTrue(updated.skipped().isEmpty(), () -> "skipped: " + updated.skipped());
    assertEquals(BATCHER.address(), updated.config().batcherAddress());
    assertEquals(250, updated.config().eip1559Denominator());
    assertEquals(6, updated.config().eip1559Elasticity());
    assertEquals(2, block.blobs().size());
    for (BlobSidecar s : block.blobs()) {
      assertEquals(Kzg.versionedHash(s.commitment()), s.versionedHash());
    }
  }

  @Test
  void everyConfigUpdateTypeParsesBack() {
    List<ConfigUpdate> updates = List.of(new ConfigUpdate.Batcher(BATCHER.address()),
        new ConfigUpdate.FeeScalars(Hash32.ZERO, dev.basalt.core.sysconfig.EcotoneScalar.encode(7, 8)), new ConfigUpdate.GasLimit(44_000_000),
        new ConfigUpdate.UnsafeBlockSigner(USER.address()), new ConfigUpdate.Eip1559Params(250, 6),
        new ConfigUpdate.OperatorFee(0xfffffff0L, -2L), new ConfigUpdate.MinBaseFee(1_000_000),
        new ConfigUpdate.DaFootprintGasScalar(0xffff));
    for (ConfigUpdate u : updates) {
      var parsed = dev.basalt.core.sysconfig.ConfigUpdateParser.parse(SystemConfigCalls.log(ADDRESSES.systemConfig(), u));
      assertEquals(new dev.basalt.core.sysconfig.ParsedConfigUpdate.Parsed(u), parsed, u::toString);
    }
  }

  @Test
  void blobsHaveRealKzgCommitmentsWhenTheNativeLibraryLoads() {
    Blob blob = BlobCodec.encode(new byte[] {1, 2, 3});
    BlobSidecar s = BlobSidecar.of(blob);
    assertTrue(Kzg.isReal(), "jc-kzg-4844 loads on linux x86_64 with the bundled trusted setup");
    assertTrue(Kzg.verify(blob, s.commitment(), s.proof()));
    assertEquals(1, s.versionedHash().get(0));
  }

  @Test
  void canonicalByBlockIdAnswersAsByHashForEveryBlockEverMinedWithRightAndWrongNumbers() {
    FakeL1 l1 = chain(7, L1Forks.allAtGenesis());
    java.util.List<MinedL1Block> all = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(8);
    int sideForks = 0;
    for (int step = 0; step < 400; step++) {
      if (random.nextInt(10) == 0 && l1.chain().head().number() - l1.chain().finalized().number() > 3) {
        sideForks += l1.reorg(1 + random.nextInt(3), 1 + random.nextInt(4), random.nextBoolean()).size();
      }
      all.add(l1.mine());
      MinedL1Block b = all.get(random.nextInt(all.size()));
      for (long n : new long[] {b.number(), b.number() + 1, b.number() - 1, -1, 1_000_000}) {
        assertEquals(l1.chain().isCanonical(b.hash()), l1.chain().isCanonical(new dev.basalt.core.types.BlockId(b.hash(), Math.max(0, n))));
      }
    }
    assertTrue(sideForks > 10, "blocks left on side forks: " + sideForks);
  }

  @Test
  void reorgReplacesBlocksKeepsSideForksAndReincludesTransactions() {
    FakeL1 l1 = chain(5, L1Forks.allAtGenesis());
    for (int i = 0; i < 20; i++) {
      l1.mine();
    }
    l1.submit(l1.txs().batcherCalldata(BATCHER, ADDRESSES.batchInbox(), new byte[] {0, 5}));
    MinedL1Block withTx = l1.mine();
    l1.mine();
    Hash32 txHash = withTx.transactions().get(0).hash();
    assertEquals(21, l1.chain().transaction(txHash).orElseThrow().blockNumber());
    assertEquals(18, l1.chain().safe().number());
    assertEquals(10, l1.chain().finalized().number());
    List<MinedL1Block> removed = l1.reorg(3, 4, true);
    assertEquals(3, removed.size());
    assertEquals(23, l1.chain().head().number());
    assertFalse(l1.chain().isCanonical(withTx.hash()));
    assertTrue(l1.chain().byHash(withTx.hash()).isPresent(), "side forks stay readable by hash");
    assertNotEquals(withTx.hash(), l1.chain().byNumber(21).orElseThrow().hash());
    assertEquals(20, l1.chain().transaction(txHash).orElseThrow().blockNumber(), "re-included in the first new block");
    l1.chain().canonical().forEach(b -> L1Checks.verify(l1, b));
    assertThrows(IllegalArgumentException.class, () -> l1.reorg(20, 1, false), "never below finalized");
  }

  @Test
  void aSendersLaterTransactionNeverOvertakesOneThatDidNotFit() {
    FakeL1 l1 = chain(10, L1Forks.allAtGenesis());
    long maxBlobs = l1.params().forks().blobParams(l1.chain().head().timestamp() + 12).max();
    l1.submit(l1.txs().batcherBlobs(USER, ADDRESSES.batchInbox(), blobs(1, 1)));
    L1Tx big = l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), blobs((int) maxBlobs, 2));
    L1Tx small = l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), blobs(1, 3));
    L1Tx other = l1.txs().batcherCalldata(OWNER, ADDRESSES.batchInbox(), new byte[] {0, 4});
    l1.submit(big);
    l1.submit(small);
    l1.submit(other);
    MinedL1Block first = l1.mine();
    assertEquals(List.of(USER.address(), OWNER.address()), first.transactions().stream().map(L1Tx::from).toList(),
        "the batcher's big blob transaction waits, its smaller next one waits behind it, other senders go on");
    assertEquals(List.of(big.hash()), l1.mine().transactions().stream().map(L1Tx::hash).toList());
    assertEquals(List.of(small.hash()), l1.mine().transactions().stream().map(L1Tx::hash).toList());
  }

  private static List<Blob> blobs(int count, int tag) {
    List<Blob> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(BlobCodec.encode(new byte[] {(byte) tag, (byte) i}));
    }
    return out;
  }

  @Test
  void finalityLagsThenJumps() {
    FakeL1 l1 = chain(6, L1Forks.allAtGenesis());
    for (int i = 0; i < 20; i++) {
      l1.mine();
    }
    l1.chain().holdFinality();
    for (int i = 0; i < 20; i++) {
      l1.mine();
    }
    assertEquals(8, l1.chain().finalized().number());
    assertEquals(36, l1.chain().safe().number());
    l1.chain().releaseFinality();
    assertEquals(28, l1.chain().finalized().number());
  }

  @Test
  void responderViewsStayTheCanonicalBlocksThroughRefetchesAndReorgs() {
    FakeL1 l1 = chain(9, L1Forks.allAtGenesis());
    L1Responder responder = new L1Responder(l1, ADDRESSES);
    SimRng rng = new SimRng(3);
    long id = 1;
    for (int round = 0; round < 40; round++) {
      l1.submit(l1.txs().batcherCalldata(BATCHER, ADDRESSES.batchInbox(), rng.bytes(1 + rng.nextInt(50))));
      if (round % 3 == 0) {
        l1.submit(l1.txs().filler(USER, rng));
      }
      l1.mine();
      if (round % 7 == 6) {
        l1.reorg(1 + rng.nextInt(3), 1 + rng.nextInt(3), rng.nextBoolean());
      }
      for (int fetch = 0; fetch < 6; fetch++) { // some at random, some of the newest (where reorgs replace blocks)
        long head = l1.chain().head().number();
        long n = fetch % 2 == 0 ? rng.nextLong(head + 1) : Math.max(0, head - rng.nextInt(4));
        var fetched = assertInstanceOf(L1BlockFetched.class, responder.answer(new FetchL1Block(id++, n)).get(0).event());
        assertEquals(DerivationView.of(l1.chain().byNumber(n).orElseThrow(), ADDRESSES), fetched.block(), "block " + n);
      }
    }
  }

  /** The lookup by hash with a number hint against the plain one, for every block ever mined (side forks too), right and wrong hints. */
  @Test
  void lookupByHashWithANumberIsTheLookupByHash() {
    FakeL1 l1 = chain(5, L1Forks.allAtGenesis());
    SimRng rng = new SimRng(8);
    java.util.List<MinedL1Block> mined = new ArrayList<>(l1.chain().canonical());
    int canonicalHits = 0;
    for (int round = 0; round < 300; round++) {
      mined.add(l1.mine());
      if (round % 5 == 4) {
        l1.reorg(1 + rng.nextInt(3), 1 + rng.nextInt(3), rng.nextBoolean());
        mined.addAll(l1.chain().canonical().subList(Math.max(0, l1.chain().canonical().size() - 4), l1.chain().canonical().size()));
      }
      for (MinedL1Block b : mined.subList(Math.max(0, mined.size() - 30), mined.size())) {
        var expected = l1.chain().byHash(b.hash());
        for (long n : new long[] {b.number(), b.number() + 1, b.number() - 1, -1, Long.MAX_VALUE}) {
          var actual = l1.chain().byHash(b.hash(), n);
          assertEquals(expected.isPresent(), actual.isPresent());
          org.junit.jupiter.api.Assertions.assertSame(expected.orElse(null), actual.orElse(null), "block " + b.number() + " hint " + n);
        }
        canonicalHits += l1.chain().isCanonical(b.hash()) ? 1 : 0;
      }
    }
    assertTrue(canonicalHits > 1000, "canonical blocks asked: " + canonicalHits);
  }

  /** A blob by block-wide index without the list, against the list, in blocks with several blob transactions. */
  @Test
  void blobAtIsTheBlockWideListEntry() {
    FakeL1 l1 = chain(6, L1Forks.allAtGenesis());
    SimRng rng = new SimRng(4);
    int blobs = 0;
    for (int round = 0; round < 12; round++) {
      for (int t = rng.nextInt(4); t > 0; t--) {
        List<Blob> txBlobs = new ArrayList<>();
        for (int b = 1 + rng.nextInt(3); b > 0; b--) {
          txBlobs.add(BlobCodec.encode(rng.bytes(1 + rng.nextInt(300))));
        }
        l1.submit(l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), txBlobs, BlobCommitments.PSEUDO));
        l1.submit(l1.txs().filler(USER, rng));
      }
      MinedL1Block block = l1.mine();
      List<BlobSidecar> all = block.blobs();
      for (int i = 0; i < all.size() + 3; i++) {
        assertEquals(i < all.size() ? all.get(i) : null, block.blobAt(i), "blob " + i);
      }
      assertThrows(IndexOutOfBoundsException.class, () -> block.blobAt(-1));
      blobs += all.size();
    }
    assertTrue(blobs > 10, "blobs: " + blobs);
  }

  @Test
  void responderAnswersBlocksBlobsAndFaults() {
    FakeL1 l1 = chain(7, L1Forks.allAtGenesis());
    L1Responder responder = new L1Responder(l1, ADDRESSES);
    Blob blob = BlobCodec.encode(new byte[] {4, 2});
    l1.submit(l1.txs().batcherBlobs(BATCHER, ADDRESSES.batchInbox(), List.of(blob)));
    MinedL1Block b = l1.mine();
    var fetched = assertInstanceOf(L1BlockFetched.class, responder.answer(new FetchL1Block(1, 1)).get(0).event());
    assertEquals(b.ref(), fetched.block().ref());
    var missing = assertInstanceOf(RequestFailed.class, responder.answer(new FetchL1Block(2, 5)).get(0).event());
    assertEquals(FailureKind.NOT_FOUND, missing.kind());
    FetchBlobs fetchBlobs = new FetchBlobs(3, b.ref(), List.of(new IndexedBlobHash(0, b.blobs().get(0).versionedHash())));
    responder.faults().add(c -> c instanceof FetchBlobs, Fault.Fail.notFound("not yet"), 2);
    for (int i = 0; i < 2; i++) {
      assertEquals(FailureKind.NOT_FOUND, assertInstanceOf(RequestFailed.class, responder.answer(fetchBlobs).get(0).event()).kind());
    }
    var blobs = assertInstanceOf(BlobsFetched.class, responder.answer(fetchBlobs).get(0).event());
    assertEquals(Bytes.wrapOwned(blob.toArray()), blobs.blobs().get(0));
    responder.faults().add(c -> true, new Fault.Delay(250), 1);
    assertEquals(250, responder.answer(new FetchL1Block(4, 0)).get(0).delayMillis());
  }
}
