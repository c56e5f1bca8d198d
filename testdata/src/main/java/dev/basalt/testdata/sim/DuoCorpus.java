package dev.basalt.testdata.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code --mode both} corpus entry: a seed, the run's size and profile, {@code mode both} and an
 * explicit (usually shrunk) duo schedule, each fault naming the world or the node it hits
 * ({@link DuoSchedule#lines()}); CI replays it with the single-node entries ({@link SimCorpus}).
 */
public record DuoCorpus(Simulation.Options options, DuoSchedule schedule, String note) {
  public static DuoCorpus read(Path file) throws IOException {
    SimCorpus.Parsed p = SimCorpus.parse(file);
    if (!p.duo()) {
      throw new IOException(file + ": not a 'mode both' entry: read it as a SimCorpus");
    }
    try {
      return new DuoCorpus(p.options(), DuoSchedule.parse(p.faultLines()), p.note());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) throws IOException {
    List<String> lines = new java.util.ArrayList<>(SimCorpus.header(note, options, "both"));
    lines.addAll(schedule.lines());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines);
  }
}
