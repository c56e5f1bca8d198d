package dev.basalt.journal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Bytes;
import dev.basalt.journal.Snapshot;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSnapshotStoreTest {
  @TempDir Path dir;

  private static Snapshot snapshot(long seq, int size) {
    return new Snapshot(seq, Bytes.wrapOwned(new SimRng(seq).bytes(size)));
  }

  @Test
  void savesListsAndFindsSnapshots() {
    FileSnapshotStore store = new FileSnapshotStore(dir.resolve("snapshots"));
    assertEquals(Optional.empty(), store.latest());
    store.save(snapshot(10, 0));
    store.save(snapshot(30, 1 << 20));
    store.save(snapshot(20, 100));
    assertEquals(List.of(10L, 20L, 30L), store.list());
    assertEquals(Optional.of(snapshot(30, 1 << 20)), store.latest());
    assertEquals(Optional.of(snapshot(20, 100)), store.latestAtOrBefore(29));
    assertEquals(Optional.of(snapshot(10, 0)), store.latestAtOrBefore(10));
    assertEquals(Optional.empty(), store.latestAtOrBefore(9));
    // A new store over the same directory sees the same files.
    assertEquals(List.of(10L, 20L, 30L), new FileSnapshotStore(dir.resolve("snapshots")).list());
  }

  @Test
  void savingTheSameSeqReplacesTheFile() {
    FileSnapshotStore store = new FileSnapshotStore(dir);
    store.save(snapshot(5, 10));
    Snapshot replacement = new Snapshot(5, Bytes.fromHex("0x0102"));
    store.save(replacement);
    assertEquals(Optional.of(replacement), store.latest());
    assertEquals(List.of(5L), store.list());
  }

  @Test
  void corruptTornAndMisnamedFilesAreSkipped() throws IOException {
    FileSnapshotStore store = new FileSnapshotStore(dir);
    store.save(snapshot(1, 50));
    store.save(snapshot(2, 50));
    store.save(snapshot(3, 50));
    store.save(snapshot(4, 50));
    flipByte(store.fileFor(4), 30);
    byte[] three = Files.readAllBytes(store.fileFor(3));
    Files.write(store.fileFor(3), Arrays.copyOf(three, three.length - 5));
    Files.copy(store.fileFor(1), store.fileFor(2), StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Optional.of(snapshot(1, 50)), store.latest());
    assertEquals(List.of(1L, 2L, 3L, 4L), store.list());
    assertFalse(store.read(4).isPresent());
  }

  @Test
  void garbageAndTemporaryFilesAreIgnored() throws IOException {
    FileSnapshotStore store = new FileSnapshotStore(dir);
    store.save(snapshot(7, 20));
    Files.write(store.fileFor(8), new byte[] {1, 2, 3});
    Files.write(AtomicFiles.tempFor(store.fileFor(9)), new byte[] {4, 5});
    Files.write(dir.resolve("notes.txt"), new byte[] {6});
    assertEquals(Optional.of(snapshot(7, 20)), store.latest());
    assertEquals(List.of(7L, 8L), store.list());
  }

  @Test
  void pruneKeepsTheNewestValidSnapshots() throws IOException {
    FileSnapshotStore store = new FileSnapshotStore(dir);
    for (long seq = 1; seq <= 6; seq++) {
      store.save(snapshot(seq, 10));
    }
    flipByte(store.fileFor(6), 12);
    Files.write(AtomicFiles.tempFor(store.fileFor(7)), new byte[] {1});
    store.prune(2);
    // 6 is corrupt so it does not count; 5 and 4 are kept; 1..3 go, and so does the temp file.
    assertEquals(List.of(4L, 5L, 6L), store.list());
    assertFalse(Files.exists(AtomicFiles.tempFor(store.fileFor(7))));
    assertEquals(Optional.of(snapshot(5, 10)), store.latest());
    store.prune(0);
    assertTrue(store.list().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.prune(-1));
  }

  private static void flipByte(Path file, int at) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[at] ^= 0x01;
    Files.write(file, bytes);
  }
}
