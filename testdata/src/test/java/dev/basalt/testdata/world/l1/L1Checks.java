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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of every simulated L1 block, checked with the core's own code. */
public final class L1Checks {
  private L1Checks() {}

  /** Every invariant a header must satisfy against its block's content and its parent. */
  public static void verify(FakeL1 l1, MinedL1Block b) {
    BlockHeader h = b.header();
    assertEquals(b.hash(), h.hash(), "stored hash is the header hash");
    assertEquals(h, BlockHeaderCodec.decode(h.encode()), "header round-trips through RLP");
    assertEquals(h.transactionsRoot(), OrderedTrie.root(b.transactions().stream().map(L1Tx::envelope).toList()));
    assertEquals(h.receiptsRoot(), OrderedTrie.root(b.receipts().stream().map(r -> Bytes.wrapOwned(ReceiptCodec.encode(r))).toList()));
    Bloom bloom = Bloom.EMPTY;
    for (int i = 0; i < b.receipts().size(); i++) {
      bloom = bloom.or(Bloom.ofLogs(b.receipts().get(i).logs()));
      SignedTx decoded = (SignedTx) TxCodec.decode(b.transactions().get(i).envelope());
      assertEquals(b.transactions().get(i).hash(), decoded.hash());
      assertEquals(b.transactions().get(i).from(), decoded.sender().orElseThrow(), "signature recovers the sender");
      assertEquals(b.transactions().get(i).typeByte(), b.receipts().get(i).typeByte(), "receipt typed like its tx");
    }
    assertEquals(bloom, h.logsBloom());
    L1Forks forks = l1.params().forks();
    assertEquals(forks.shanghai(h.timestamp()), h.withdrawalsRoot() != null);
    assertEquals(forks.cancun(h.timestamp()), h.parentBeaconBlockRoot() != null);
    assertEquals(forks.prague(h.timestamp()), h.requestsHash() != null);
    if (h.withdrawalsRoot() != null) {
      assertEquals(h.withdrawalsRoot(), OrderedTrie.root(b.withdrawals().stream().map(Withdrawal::encode).toList()));
    }
    if (h.blobGasUsed() != null) {
      assertEquals(b.blobs().size() * 131_072L, h.blobGasUsed());
    }
    if (b.number() > 0) {
      MinedL1Block parent = l1.chain().byHash(h.parentHash()).orElseThrow();
      assertEquals(parent.number() + 1, b.number());
      assertTrue(b.timestamp() > parent.timestamp());
    }
  }
}
