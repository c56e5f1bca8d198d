package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.rollup.TrueChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stopped devnet node left in its data directory (journal outputs and inputs, safe-head
 * database) against a fresh in-process rebuild of the same devnet (same genesis, 2-second L1
 * blocks), block by block.
 */
final class DevnetChainCheck {
  /** The last sync status the node published. */
  final SyncStatus last;
  /** L2 blocks inserted into the engine (the last payload per height). */
  final int inserted;
  /** Inbox transactions in L1 blocks before {@code calldataBefore} (seconds). */
  final long inboxTxsBefore;
  final long blobFetches;
  final long safeHeadRecords;
  final long genesis;

  private DevnetChainCheck(SyncStatus last, int inserted, long inboxTxsBefore, long blobFetches, long safeHeadRecords, long genesis) {
    this.last = last;
    this.inserted = inserted;
    this.inboxTxsBefore = inboxTxsBefore;
    this.blobFetches = blobFetches;
    this.safeHeadRecords = safeHeadRecords;
    this.genesis = genesis;
  }

  /**
   * Asserts that every payload the node inserted, every safe and finalized head it published and
   * every safe-head record it kept is the rebuilt devnet's; {@code calldataBefore} is an offset
   * from genesis in seconds before which inbox transactions are counted.
   */
  static DevnetChainCheck verify(Path dir, long calldataBeforeSeconds) throws IOException {
    long genesis = DevnetGenesis.load(dir).orElseThrow();
    Map<Long, Hash32> inserted = new TreeMap<>();
    List<SyncStatus> published = new ArrayList<>();
    long latestL1Time = 0;
    long inboxTxsBefore = 0;
    long blobFetches = 0;
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      try (JournalCursor<OutputRecord> outputs = journal.readOutputs(0)) {
        for (OutputRecord r = outputs.next(); r != null; r = outputs.next()) {
          for (var c : r.commands()) {
            if (c instanceof SendNewPayload p) {
              inserted.put(p.envelope().payload().blockNumber(), p.envelope().payload().blockHash());
            } else if (c instanceof PublishSyncStatus s) {
              published.add(s.status());
            }
          }
        }
      }
      try (JournalCursor<InputRecord> inputs = journal.readInputs(0)) {
        for (InputRecord r = inputs.next(); r != null; r = inputs.next()) {
          if (r.event() instanceof L1BlockFetched f) {
            latestL1Time = Math.max(latestL1Time, f.block().ref().timestamp());
            if (f.block().ref().timestamp() < genesis + calldataBeforeSeconds) {
              inboxTxsBefore += f.block().inboxTransactions().size();
            }
          } else if (r.event() instanceof BlobsFetched) {
            blobFetches++;
          }
        }
      }
    }
    SimWorld rebuilt = SimWorld.create(DevWorld.config(DevWorld.L2_CHAIN_ID, genesis, 2));
    rebuilt.advanceTo(latestL1Time);
    TrueChain truth = rebuilt.trueChain();
    inserted.forEach((n, hash) -> assertEquals(truth.block(n).orElseThrow().ref().hash(), hash, "inserted L2 block " + n));
    for (SyncStatus s : published) {
      assertTrue(isTrue(truth, s.safeL2()), "published safe head " + s.safeL2() + " is a true block");
      assertTrue(isTrue(truth, s.finalizedL2()), "published finalized head " + s.finalizedL2() + " is a true block");
    }
    SyncStatus last = published.get(published.size() - 1);
    long records = 0;
    try (FileSafeHeadStore db = FileSafeHeadStore.open(dir.resolve(NodeRun.SAFE_HEADS_FILE))) {
      // Only L1 blocks the node had finished deriving from when it stopped: the block at its
      // derivation origin may be half read (its record then holds an earlier safe head).
      long done = Math.min(last.safeL1().number(), last.currentL1().number() - 1);
      for (long l1 = 0; l1 <= done; l1++) {
        var at = db.safeHeadAtL1Block(l1);
        if (at.isPresent() && at.get().l1Block().number() == l1) {
          assertEquals(truth.safeHeadAt(l1, rebuilt.l1().chain()).ref(), at.get().safeHead(), "safe head at L1 block " + l1);
          records++;
        }
      }
    }
    return new DevnetChainCheck(last, inserted.size(), inboxTxsBefore, blobFetches, records, genesis);
  }

  /** True for a true block, and for the zero reference a node publishes before it knows its heads. */
  private static boolean isTrue(TrueChain truth, L2BlockRef ref) {
    return ref.hash().isZero() || truth.block(ref.number()).map(b -> b.ref().equals(ref)).orElse(false);
  }
}
