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
 * mode sequencer        (optional; validator when absent; both: a {@link DuoCorpus} entry)
 * 12 L1_REORG 7
 * 30 NODE_CRASH 1
 * </pre>
 */
public record SimCorpus(Simulation.Options options, FaultSchedule schedule, String note) {
  /** The lines of an entry: its run's settings, its note and its fault lines (mode "both" for a duo entry). */
  record Parsed(Simulation.Options options, boolean duo, List<String> faultLines, String note) {}

  static Parsed parse(Path file) throws IOException {
    long seed = -1;
    int steps = 80;
    String profile = "swarm";
    String mode = "validator";
    List<String> faults = new ArrayList<>();
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
        mode = line.substring(5).strip().toLowerCase(java.util.Locale.ROOT);
      } else if (line.startsWith("profile ")) {
        profile = line.substring(8).strip();
      } else {
        faults.add(line);
      }
    }
    if (seed < 0) {
      throw new IOException(file + ": no 'seed N' line");
    }
    boolean duo = mode.equals("both");
    dev.basalt.core.NodeMode nodeMode = switch (mode) {
      case "validator", "both" -> dev.basalt.core.NodeMode.VALIDATOR;
      case "sequencer" -> dev.basalt.core.NodeMode.SEQUENCER;
      default -> throw new IOException(file + ": mode must be validator, sequencer or both, got '" + mode + "'");
    };
    Simulation.Options o = Simulation.Options.of(seed, steps).withProfile(profile).withMode(nodeMode);
    return new Parsed(o, duo, faults, note.toString());
  }

  /** True when {@code file} is a {@code --mode both} entry ({@link DuoCorpus}). */
  public static boolean isDuo(Path file) throws IOException {
    return parse(file).duo();
  }

  public static SimCorpus read(Path file) throws IOException {
    Parsed p = parse(file);
    if (p.duo()) {
      throw new IOException(file + ": a '--mode both' entry: read it as a DuoCorpus");
    }
    return new SimCorpus(p.options(), new FaultSchedule(p.faultLines().stream().map(ScheduledFault::parse).toList()), p.note());
  }

  /** The header lines {@link #parse} reads back: the note, seed, steps, profile and (unless validator) the mode. */
  static List<String> header(String note, Simulation.Options options, String mode) {
    List<String> lines = new ArrayList<>();
    note.lines().forEach(l -> lines.add("# " + l));
    lines.add("seed " + options.seed());
    lines.add("steps " + options.steps());
    lines.add("profile " + options.profile());
    if (!mode.equals("validator")) {
      lines.add("mode " + mode);
    }
    return lines;
  }

  public void write(Path file) throws IOException {
    List<String> lines = header(note, options, options.sequencing() ? "sequencer" : "validator");
    schedule.faults().forEach(f -> lines.add(f.toString()));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines);
  }
}
