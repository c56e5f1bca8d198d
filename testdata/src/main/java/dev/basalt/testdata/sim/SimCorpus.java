package dev.basalt.testdata.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus entry: a seed, the run's size and profile, and an explicit (usually shrunk) fault
 * schedule, as plain text that CI replays on every build:
 *
 * <pre>
 * seed 42
 * steps 80
 * profile swarm
 * mode sequencer        (optional; validator when absent)
 * 12 L1_REORG 7
 * 30 NODE_CRASH 1
 * </pre>
 */
public record SimCorpus(Simulation.Options options, FaultSchedule schedule, String note) {
  public static SimCorpus read(Path file) throws IOException {
    long seed = -1;
    int steps = 80;
    String profile = "swarm";
    dev.basalt.core.NodeMode mode = dev.basalt.core.NodeMode.VALIDATOR;
    List<ScheduledFault> faults = new ArrayList<>();
    StringBuilder note = new StringBuilder();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        note.append(line.substring(1).strip()).append('\n');
      } else if (line.startsWith("seed ")) {
        seed = Long.parseLong(line.substring(5).strip());
      } else if (line.startsWith("steps ")) {
        steps = Integer.parseInt(line.substring(6).strip());
      } else if (line.startsWith("mode ")) {
        mode = dev.basalt.core.NodeMode.valueOf(line.substring(5).strip().toUpperCase(java.util.Locale.ROOT));
      } else if (line.startsWith("profile ")) {
        profile = line.substring(8).strip();
      } else {
        faults.add(ScheduledFault.parse(line));
      }
    }
    if (seed < 0) {
      throw new IOException(file + ": no 'seed N' line");
    }
    Simulation.Options o = Simulation.Options.of(seed, steps).withProfile(profile).withMode(mode);
    return new SimCorpus(o, new FaultSchedule(faults), note.toString());
  }

  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    note.lines().forEach(l -> lines.add("# " + l));
    lines.add("seed " + options.seed());
    lines.add("steps " + options.steps());
    lines.add("profile " + options.profile());
    if (options.sequencing()) {
      lines.add("mode sequencer");
    }
    schedule.faults().forEach(f -> lines.add(f.toString()));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines);
  }
}
