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
      SimResult r;
      if (SimCorpus.isDuo(f)) {
        DuoCorpus entry = DuoCorpus.read(f);
        r = DuoSimulation.run(entry.options(), entry.schedule());
      } else {
        SimCorpus entry = SimCorpus.read(f);
        r = Simulation.run(entry.options(), entry.schedule(), (e, out, core) -> {});
      }
      SimResult result = r;
      assertTrue(result.passed(), () -> f + ": " + result.failure().orElseThrow());
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
  void aDuoEntryReadsBackAsWrittenAndItsScheduleIsTheSeeds() throws Exception {
    Simulation.Options o = Simulation.Options.of(79, 30);
    DuoSchedule schedule = DuoSchedule.of(o);
    assertTrue(schedule.size() > 0, "the seed draws faults");
    DuoCorpus entry = new DuoCorpus(o, schedule, "duo");
    Path file = dir.resolve("d.txt");
    entry.write(file);
    assertTrue(SimCorpus.isDuo(file));
    DuoCorpus back = DuoCorpus.read(file);
    assertEquals(o, back.options());
    assertEquals(schedule, back.schedule());
    assertEquals(DuoSimulation.run(o).events(), DuoSimulation.run(back.options(), back.schedule()).events(),
        "the seed's schedule written out runs the seed's run");
    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SimCorpus.read(file));
  }

  @Test
  void aDuoScheduleLosesExactlyTheFaultsDropped() {
    DuoSchedule s = DuoSchedule.of(Simulation.Options.of(80, 40));
    int n = s.size();
    assertTrue(n >= 3, "enough faults to drop some: " + n);
    DuoSchedule fewer = s.without(1, 3);
    assertEquals(n - 2, fewer.size());
    List<String> expected = new java.util.ArrayList<>(s.lines());
    expected.subList(1, 3).clear();
    assertEquals(expected, fewer.lines());
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
