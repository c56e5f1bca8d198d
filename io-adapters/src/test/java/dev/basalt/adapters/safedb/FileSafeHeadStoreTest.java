package dev.basalt.adapters.safedb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSafeHeadStoreTest {
  @TempDir Path dir;

  /** The safe head a test associates with an L1 block and a version (so overwrites are visible). */
  static SafeHeadAtL1 entry(long l1, long version) {
    Hash32 l1Hash = Keccak.hash(("l1-" + l1).getBytes(StandardCharsets.US_ASCII));
    Hash32 l2Hash = Keccak.hash(("l2-" + l1 + "-" + version).getBytes(StandardCharsets.US_ASCII));
    long l2Number = l1 * 6 + version;
    return new SafeHeadAtL1(new BlockId(l1Hash, l1),
        new L2BlockRef(l2Hash, l2Number, Keccak.hash(l2Hash.toArray()), 1_700_000_000L + l2Number * 2,
            new BlockId(Keccak.hash(l1Hash.toArray()), Math.max(0, l1 - 3)), version));
  }

  static void record(FileSafeHeadStore store, SafeHeadAtL1 e) {
    store.record(new RecordSafeHead(e.l1Block(), e.safeHead()));
  }

  @Test
  void answersTheNewestRecordAtOrBelowTheQuery() throws Exception {
    try (FileSafeHeadStore store = FileSafeHeadStore.open(dir.resolve("safedb/db.bin"))) {
      assertEquals(Optional.empty(), store.safeHeadAtL1Block(5));
      record(store, entry(10, 0));
      record(store, entry(12, 0));
      store.flush();
      assertEquals(Optional.empty(), store.safeHeadAtL1Block(9));
      assertEquals(Optional.of(entry(10, 0)), store.safeHeadAtL1Block(10));
      assertEquals(Optional.of(entry(10, 0)), store.safeHeadAtL1Block(11));
      assertEquals(Optional.of(entry(12, 0)), store.safeHeadAtL1Block(12));
      assertEquals(Optional.of(entry(12, 0)), store.safeHeadAtL1Block(Long.MAX_VALUE));
      assertEquals(Optional.empty(), store.safeHeadAtL1Block(-1));

      record(store, entry(12, 1));
      store.flush();
      assertEquals(Optional.of(entry(12, 1)), store.safeHeadAtL1Block(12), "the same L1 block again replaces it");
      assertEquals(2, store.size());

      record(store, entry(11, 2));
      store.flush();
      assertEquals(Optional.of(entry(11, 2)), store.safeHeadAtL1Block(12), "an older L1 block drops the later ones");
      assertEquals(2, store.size());

      store.rewind(new RewindSafeHeads(11));
      store.flush();
      assertEquals(Optional.of(entry(10, 0)), store.safeHeadAtL1Block(100));
      store.rewind(new RewindSafeHeads(0));
      store.flush();
      assertEquals(0, store.size());
      assertEquals(Optional.empty(), store.safeHeadAtL1Block(100));
    }
  }

  @Test
  void survivesReopening() throws Exception {
    Path path = dir.resolve("db.bin");
    try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
      for (long l1 = 100; l1 < 200; l1 += 3) {
        record(store, entry(l1, 0));
      }
    }
    try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
      assertEquals(34, store.size());
      assertEquals(0, store.recoveredDroppedBytes());
      assertEquals(Optional.of(entry(196, 0)), store.safeHeadAtL1Block(198));
      assertEquals(Optional.of(entry(100, 0)), store.safeHeadAtL1Block(101));
    }
  }

  /** Seeded operations against a model of the documented semantics, reopening now and then. */
  @Test
  void matchesTheModelUnderRandomOperations() throws Exception {
    SimRng rng = new SimRng(0x5afe_db);
    Path path = dir.resolve("model.bin");
    TreeMap<Long, SafeHeadAtL1> model = new TreeMap<>();
    FileSafeHeadStore store = FileSafeHeadStore.open(path);
    long next = 1000;
    for (int step = 0; step < 600; step++) {
      int op = rng.nextInt(20);
      if (op < 14 || model.isEmpty()) {
        next += rng.between(1, 3);
        put(store, model, entry(next, step));
      } else if (op < 17) {
        put(store, model, entry(model.lastKey(), step));
      } else if (op < 18) {
        long older = rng.between(model.firstKey() - 2, model.lastKey() - 1);
        put(store, model, entry(older, step));
        next = older;
      } else {
        long from = rng.between(model.firstKey() - 1, model.lastKey() + 1);
        store.rewind(new RewindSafeHeads(Math.max(0, from)));
        model.tailMap(from, true).clear();
        next = model.isEmpty() ? next : model.lastKey();
      }
      if (rng.chance(1, 25)) {
        store.close();
        store = FileSafeHeadStore.open(path);
      }
      store.flush();
      assertEquals(model.size(), store.size());
      for (int q = 0; q < 5; q++) {
        long query = rng.between(990, next + 5);
        Map.Entry<Long, SafeHeadAtL1> want = model.floorEntry(query);
        assertEquals(Optional.ofNullable(want).map(Map.Entry::getValue), store.safeHeadAtL1Block(query), "query " + query);
      }
    }
    store.close();
  }

  private static void put(FileSafeHeadStore store, TreeMap<Long, SafeHeadAtL1> model, SafeHeadAtL1 e) {
    record(store, e);
    model.tailMap(e.l1Block().number(), false).clear();
    model.put(e.l1Block().number(), e);
  }

  @Test
  void aTruncatedFileRecoversItsValidPrefix() throws Exception {
    SimRng rng = new SimRng(0x7c);
    for (int trial = 0; trial < 20; trial++) {
      Path path = dir.resolve("cut-" + trial + ".bin");
      List<SafeHeadAtL1> written = new ArrayList<>();
      try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
        for (long l1 = 1; l1 <= 10; l1++) {
          written.add(entry(l1, trial));
          record(store, written.get(written.size() - 1));
        }
      }
      long full = Files.size(path);
      long cut = rng.between(SafeHeadFile.HEADER_BYTES, full - 1);
      try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
        f.setLength(cut);
      }
      int kept = (int) ((cut - SafeHeadFile.HEADER_BYTES) / SafeHeadRecordCodec.RECORD_BYTES);
      try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
        assertEquals(kept, store.size());
        assertEquals(cut - SafeHeadFile.HEADER_BYTES - (long) kept * SafeHeadRecordCodec.RECORD_BYTES,
            store.recoveredDroppedBytes());
        for (int i = 0; i < kept; i++) {
          assertEquals(Optional.of(written.get(i)), store.safeHeadAtL1Block(i + 1));
        }
        // Writing continues cleanly right after the prefix.
        record(store, entry(50, 9));
        store.flush();
        assertEquals(Optional.of(entry(50, 9)), store.safeHeadAtL1Block(60));
      }
      try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
        assertEquals(kept + 1, store.size());
        assertEquals(0, store.recoveredDroppedBytes());
      }
    }
  }

  @Test
  void aCorruptRecordEndsThePrefix() throws Exception {
    Path path = dir.resolve("flip.bin");
    try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
      for (long l1 = 1; l1 <= 5; l1++) {
        record(store, entry(l1, 0));
      }
    }
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      long at = SafeHeadFile.HEADER_BYTES + 3L * SafeHeadRecordCodec.RECORD_BYTES + 40;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x01);
    }
    try (FileSafeHeadStore store = FileSafeHeadStore.open(path)) {
      assertEquals(3, store.size(), "records 0..2 stay; the flipped record and everything after it go");
      assertEquals(Optional.of(entry(3, 0)), store.safeHeadAtL1Block(5));
    }
  }

  @Test
  void foreignFilesAreRefused() throws Exception {
    Path path = dir.resolve("foreign.bin");
    Files.writeString(path, "definitely not a safe-head database");
    IOException e = assertThrows(IOException.class, () -> FileSafeHeadStore.open(path));
    assertTrue(e.getMessage().contains("not a Basalt safe-head database"), e.getMessage());
  }

  @Test
  void closedStoresDropWritesWithoutThrowing() throws Exception {
    FileSafeHeadStore store = FileSafeHeadStore.open(dir.resolve("closed.bin"));
    store.close();
    record(store, entry(1, 0));
    store.rewind(new RewindSafeHeads(0));
    store.flush();
  }

  /** Readers on other threads never see a torn or out-of-place answer while the writer works. */
  @Test
  void concurrentReadersSeeConsistentAnswers() throws Exception {
    try (FileSafeHeadStore store = FileSafeHeadStore.open(dir.resolve("concurrent.bin"))) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        SimRng rng = new SimRng(t);
        readers.add(Thread.ofPlatform().start(() -> {
          try {
            while (!done.get()) {
              long query = rng.between(0, 2100);
              Optional<SafeHeadAtL1> got = store.safeHeadAtL1Block(query);
              if (got.isPresent()) {
                long l1 = got.get().l1Block().number();
                assertTrue(l1 <= query);
                assertEquals(entry(l1, 0), got.get());
              }
              if (reads.incrementAndGet() % 64 == 0) {
                Thread.sleep(1); // a shared 2-core box: read hard, but do not spin the writer off its core
              }
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      for (long l1 = 1; l1 <= 2000; l1++) {
        record(store, entry(l1, 0));
        if (l1 % 500 == 0) {
          store.rewind(new RewindSafeHeads(l1 - 100));
          store.flush();
          for (long again = l1 - 100; again <= l1; again++) {
            record(store, entry(again, 0));
          }
        }
      }
      store.flush();
      done.set(true);
      for (Thread t : readers) {
        t.join();
      }
      assertEquals(null, failure.get());
      assertTrue(reads.get() > 0);
      assertEquals(2000, store.size());
      assertFalse(store.safeHeadAtL1Block(0).isPresent());
    }
  }
}
