package dev.basalt.testdata.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The faults of one {@link DuoSimulation} run: the world's properties (step-0 entries both nodes
 * meet: batcher misbehaviour, op-conductor) and each node's faults, in step order. Drawn from the
 * seed ({@link #of}), then fixed: the run is a function of (seed, schedule), which is what lets the
 * shrinker drop entries and re-run, and a corpus entry name a schedule explicitly.
 *
 * <p>As text, one fault per line with the node or the world first: {@code world 0 CONDUCTOR 1},
 * {@code sequencer 12 NODE_CRASH 1}, {@code validator 30 GOSSIP_FLOOD 4}.
 */
public record DuoSchedule(FaultSchedule world, List<DuoFaults.Entry> entries) {
  private static final Comparator<DuoFaults.Entry> ORDER =
      Comparator.comparingInt((DuoFaults.Entry e) -> e.fault().step()).thenComparing(DuoFaults.Entry::role)
          .thenComparing(DuoFaults.Entry::fault);

  public DuoSchedule {
    entries = List.copyOf(entries.stream().sorted(ORDER).toList());
  }

  /** The seed's duo schedule. */
  public static DuoSchedule of(Simulation.Options o) {
    return new DuoSchedule(DuoFaults.world(o), DuoFaults.schedule(o));
  }

  /** World properties and node faults together. */
  public int size() {
    return world.faults().size() + entries.size();
  }

  /** This schedule without faults {@code from} (inclusive) to {@code to} (exclusive), counting the world's first. */
  public DuoSchedule without(int from, int to) {
    List<ScheduledFault> w = new ArrayList<>();
    List<DuoFaults.Entry> e = new ArrayList<>();
    int worldSize = world.faults().size();
    for (int i = 0; i < size(); i++) {
      if (i >= from && i < to) {
        continue;
      }
      if (i < worldSize) {
        w.add(world.faults().get(i));
      } else {
        e.add(entries.get(i - worldSize));
      }
    }
    return new DuoSchedule(new FaultSchedule(w), e);
  }

  /** One line per fault, as {@link #parse} reads them. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    world.faults().forEach(f -> out.add("world " + f));
    entries.forEach(e -> out.add(e.role().name().toLowerCase(Locale.ROOT) + " " + e.fault()));
    return out;
  }

  /** Reads {@link #lines()} back. */
  public static DuoSchedule parse(List<String> lines) {
    List<ScheduledFault> w = new ArrayList<>();
    List<DuoFaults.Entry> e = new ArrayList<>();
    for (String line : lines) {
      String[] p = line.strip().split("\\s+", 2);
      if (p.length != 2) {
        throw new IllegalArgumentException("expected 'world|sequencer|validator step FAULT size', got: " + line);
      }
      ScheduledFault f = ScheduledFault.parse(p[1]);
      switch (p[0]) {
        case "world" -> w.add(f);
        case "sequencer" -> e.add(new DuoFaults.Entry(DuoFaults.Role.SEQUENCER, f));
        case "validator" -> e.add(new DuoFaults.Entry(DuoFaults.Role.VALIDATOR, f));
        default -> throw new IllegalArgumentException("a duo fault is the world's, the sequencer's or the validator's, got: " + line);
      }
    }
    return new DuoSchedule(new FaultSchedule(w), e);
  }

  @Override
  public String toString() {
    return String.join(", ", lines());
  }
}
