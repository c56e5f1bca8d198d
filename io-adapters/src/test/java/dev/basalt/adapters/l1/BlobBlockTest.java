package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.beacon.BlobVectorsAccess;
import dev.basalt.adapters.stub.RecordingSink;
import dev.basalt.adapters.stub.StubBeaconServer;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A Cancun block whose blob transactions interleave inbox and non-inbox ones: blob indices count
 * every earlier transaction's blobs, and the blobs the core would ask for come back from the
 * beacon stub (real Goerli blobs, re-indexed into this block) through the adapter's port.
 */
class BlobBlockTest {
  private static final Address INBOX = RealL1Blocks.OP_MAINNET.batchInboxAddress();
  private static final long SECONDS_PER_SLOT = 12;
  private static final long GENESIS = CancunBlock.TIMESTAMP - 5_000 * SECONDS_PER_SLOT;

  @Test
  void blobIndicesCountEveryEarlierBlobAndTheBlobsComeBackChecked() {
    ArrayNode goerli = BlobVectorsAccess.goerliSidecars();
    List<Hash32> inboxBlobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inboxBlobs.add(Hash32.fromHex(StubBeaconServer.versionedHash(goerli.get(i).get("kzg_commitment").asText())));
    }
    List<Transaction> txs = List.of(
        CancunBlock.blobTx(0, CancunBlock.OTHER, List.of(Hash32.fromHex("0x01" + "aa".repeat(31)), Hash32.fromHex("0x01" + "bb".repeat(31)))),
        CancunBlock.dynamicTx(1, INBOX, Bytes.fromHex("0x00abcdef")),
        CancunBlock.blobTx(2, INBOX, inboxBlobs.subList(0, 3)),
        CancunBlock.legacyTx(3, CancunBlock.OTHER),
        CancunBlock.blobTx(4, INBOX, inboxBlobs.subList(3, 4)));
    ObjectNode block = CancunBlock.json(txs);
    // The beacon numbers the block's blobs 0..5; ours are 2, 3, 4 (tx 2) and 5 (tx 4).
    ArrayNode sidecars = new ObjectMapper().createArrayNode();
    for (int i = 0; i < 4; i++) {
      sidecars.add(((ObjectNode) goerli.get(i).deepCopy()).put("index", Integer.toString(i + 2)));
    }
    try (StubJsonRpcServer node = new StubJsonRpcServer(); StubBeaconServer beacon = new StubBeaconServer(GENESIS, SECONDS_PER_SLOT)) {
      node.addBlock(block, null);
      beacon.addSidecars(5_000, sidecars);
      RecordingSink sink = new RecordingSink();
      L1AdapterOptions options = new L1AdapterOptions(node.url(), false, 60_000, 60_000, 20, 4, 2_000,
          AdapterHarness.QUICK, BeaconOptions.of(beacon.url()));
      try (L1Adapter adapter = new L1Adapter(options, RealL1Blocks.OP_MAINNET, sink)) {
        adapter.fetchBlock(new FetchL1Block(1, CancunBlock.NUMBER));
        L1Block l1 = L1BlockFetchTest.fetched(sink.take(10_000));
        assertEquals(OptionalLong.of(1_234_567), l1.excessBlobGas());
        assertEquals(Hash32.fromHex("0x" + "04".repeat(32)), l1.parentBeaconBlockRoot().orElseThrow());
        List<InboxTransaction> inbox = l1.inboxTransactions();
        assertEquals(List.of(1, 2, 4), inbox.stream().map(InboxTransaction::txIndex).toList());
        assertEquals(List.of(0, 2, 5), inbox.stream().map(InboxTransaction::firstBlobIndex).toList());
        for (InboxTransaction t : inbox) {
          assertEquals(Keccak.hash(TxCodec.encode(txs.get(t.txIndex()))), Keccak.hash(t.envelope()));
        }

        List<IndexedBlobHash> wanted = new ArrayList<>();
        for (InboxTransaction t : inbox) {
          if (((SignedTx) TxCodec.decode(t.envelope())).tx() instanceof BlobTx b) {
            for (int k = 0; k < b.blobVersionedHashes().size(); k++) {
              wanted.add(new IndexedBlobHash(t.firstBlobIndex() + k, b.blobVersionedHashes().get(k)));
            }
          }
        }
        adapter.fetchBlobs(new FetchBlobs(2, l1.ref(), wanted));
        BlobsFetched blobs = assertInstanceOf(BlobsFetched.class, sink.take(10_000));
        assertEquals(2, blobs.correlationId());
        List<Bytes> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          expected.add(Bytes.fromHex(goerli.get(i).get("blob").asText()));
        }
        assertEquals(expected, blobs.blobs());

        adapter.fetchBlobs(new FetchBlobs(3, l1.ref(), List.of(new IndexedBlobHash(0, txBlob(txs.get(0))))));
        RequestFailed missing = assertInstanceOf(RequestFailed.class, sink.take(10_000));
        assertEquals(FailureKind.NOT_FOUND, missing.kind(), missing.detail());
      }
    }
  }

  private static Hash32 txBlob(Transaction tx) {
    return ((BlobTx) tx).blobVersionedHashes().get(0);
  }
}
