package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every corpus entry (a shrunk schedule that once failed) must pass now; entries round-trip as text. */
class SimCorpusTest {
  @TempDir Path dir;

  @Test
  void everyCorpusEntryPasses() throws Exception {
    Path corpus = Path.of("src/test/resources/sim-corpus");
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "the corpus has entries");
    for (Path f : files) {
      SimCorpus entry = SimCorpus.read(f);
      SimResult r = Simulation.run(entry.options(), entry.schedule(), (e, out, core) -> {});
      assertTrue(r.passed(), () -> f + ": " + r.failure().orElseThrow());
    }
  }

  @Test
  void anEntryReadsBackAsWritten() throws Exception {
    Simulation.Options o = Simulation.Options.of(77, 30);
    SimCorpus entry = new SimCorpus(o, Simulation.schedule(o), "a note\nsecond line");
    Path file = dir.resolve("e.txt");
    entry.write(file);
    SimCorpus back = SimCorpus.read(file);
    assertEquals(entry.options(), back.options());
    assertEquals(entry.schedule(), back.schedule());
    assertEquals("a note\nsecond line\n", back.note());
  }

  @Test
  void aSequencerEntryKeepsItsMode() throws Exception {
    Simulation.Options o = Simulation.Options.of(78, 30).withMode(dev.basalt.core.NodeMode.SEQUENCER);
    SimCorpus entry = new SimCorpus(o, Simulation.schedule(o), "sequencer");
    Path file = dir.resolve("s.txt");
    entry.write(file);
    assertEquals(o, SimCorpus.read(file).options());
  }
}
