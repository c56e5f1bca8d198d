package dev.basalt.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalMetaFileTest {
  @TempDir Path dir;

  private final JournalMeta meta =
      JournalMeta.fresh(JournalFixtures.HEADER)
          .withCuts(
              List.of(
                  new CutRange("inputs", 10, 13, 3, "CRC32C mismatch"),
                  new CutRange("outputs", 1L << 32, (1L << 32) + 1, 1, "output for input 9, ünïcödé")))
          .withFirstInputSeq(77);

  @Test
  void roundTrips() {
    Path file = dir.resolve(JournalMetaFile.NAME);
    JournalMetaFile.write(file, meta);
    assertEquals(meta, JournalMetaFile.read(file));
    assertEquals(List.of(meta.cuts().get(0)), meta.cutsOf("inputs"));
  }

  @Test
  void everyCorruptionIsReportedNamingTheFile() throws IOException {
    Path file = dir.resolve(JournalMetaFile.NAME);
    JournalMetaFile.write(file, meta);
    byte[] good = Files.readAllBytes(file);
    for (int at = 0; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] ^= 0x01;
      Files.write(file, bad);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalMetaFile.read(file));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
    for (int length = 0; length < good.length; length++) {
      Files.write(file, Arrays.copyOf(good, length));
      assertThrows(IllegalStateException.class, () -> JournalMetaFile.read(file));
    }
  }
}
