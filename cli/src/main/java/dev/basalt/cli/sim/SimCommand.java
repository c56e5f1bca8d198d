package dev.basalt.cli.sim;

import dev.basalt.core.NodeMode;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.testdata.sim.DuoCorpus;
import dev.basalt.testdata.sim.DuoSchedule;
import dev.basalt.testdata.sim.DuoSimulation;
import dev.basalt.testdata.sim.FaultSchedule;
import dev.basalt.testdata.sim.Shrinker;
import dev.basalt.testdata.sim.SimCorpus;
import dev.basalt.testdata.sim.SimResult;
import dev.basalt.testdata.sim.Simulation;
import dev.basalt.testdata.sim.Swarm;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt sim}: runs the production core in a seeded simulated world with injected faults. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Deterministic simulation: the node's core in a seeded world with injected faults, invariants after every event.",
    footer = {
      "",
      "Examples:",
      "  basalt sim --seed 42                         one run; prints its faults, marks and result",
      "  basalt sim --seed 42 --journal /tmp/sim42    also write its journal (then: basalt replay verify /tmp/sim42)",
      "  basalt sim --swarm 200 --ticks 60            200 seeds, summary table, exit 1 on any failure or unreached fault",
      "  basalt sim --swarm 100 --ticks 40 --mode sequencer   the same with Basalt sequencing the world",
      "  basalt sim --seed 42 --shrink                shrink a failing seed's schedule into a corpus file",
      "  basalt sim --corpus testdata/src/test/resources/sim-corpus/x.txt   replay a corpus entry"
    })
public final class SimCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seed", paramLabel = "N", description = "The seed (default: ${DEFAULT-VALUE}; with --swarm, the first seed).",
      defaultValue = "1")
  long seed;

  @Option(names = "--ticks", paramLabel = "T",
      description = "L1 block times with faults (default: 80, or with --events enough to reach E events);"
          + " a quiet period follows for convergence.")
  Integer ticks;

  @Option(names = "--events", paramLabel = "E",
      description = "Stop injecting after E events (default: no limit); alone, the run goes on until E events"
          + " (the benchmark's run: basalt sim --seed 7 --events 1000000).")
  Long events;

  @Option(names = "--profile", paramLabel = "P", defaultValue = "swarm",
      description = "Fault mix: swarm (each class on or off by seed), heavy (all on) or calm (none) (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "validator",
      description = "validator (the node derives the world's chain), sequencer (the node sequences the world: its blocks are batched"
          + " and derived back; op-conductor faults too) or both (one world: Basalt sequences it, and Basalt validates"
          + " from the sequencer's gossip; each node meets its own faults, the sequencer its op-conductor's too,"
          + " the validator equivocation by a rogue holder of the sequencer's key and its rotation on L1;"
          + " both the L1 reorgs and batcher misbehaviour)"
          + " (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--swarm", paramLabel = "K", description = "Run K seeds from --seed and print a summary table.")
  Integer swarm;

  @Option(names = "--shrink", description = "Shrink the failing seed's fault schedule and write it as a corpus file.")
  boolean shrink;

  @Option(names = "--corpus-out", paramLabel = "FILE", description = "Where --shrink writes (default: sim-corpus/seed-N.txt).")
  Path corpusOut;

  @Option(names = "--corpus", paramLabel = "FILE", description = "Run a corpus file's seed and schedule instead of drawing one.")
  Path corpus;

  @Option(names = "--journal", paramLabel = "DIR",
      description = "Write the run's journal to DIR (a new directory); with --mode both, each node's to DIR/sequencer and DIR/validator.")
  Path journalDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<NodeMode> modes = switch (mode.toLowerCase(Locale.ROOT)) {
      case "validator" -> List.of(NodeMode.VALIDATOR);
      case "sequencer" -> List.of(NodeMode.SEQUENCER);
      case "both" -> List.of(NodeMode.VALIDATOR, NodeMode.SEQUENCER);
      default -> null;
    };
    if (modes == null) {
      err.println("basalt sim: --mode must be validator, sequencer or both, got '" + mode + "'");
      return 2;
    }
    boolean duoCorpus = corpus != null && SimCorpus.isDuo(corpus); // a corpus entry names its own mode
    if (journalDir != null && swarm != null) {
      err.println("basalt sim: --journal writes one run's journal; it cannot be combined with --swarm");
      return 2;
    }
    if (ticks() < 1 || (events != null && events < 1) || (swarm != null && swarm < 1)) {
      err.println("basalt sim: --ticks, --events and --swarm must be positive");
      return 2;
    }
    if (duoCorpus) {
      DuoCorpus entry = DuoCorpus.read(corpus);
      return runDuo(out, entry.options(), entry.schedule());
    }
    if (modes.size() > 1) {
      Optional<Simulation.Options> checked = options(NodeMode.VALIDATOR, err);
      if (checked.isEmpty()) {
        return 2;
      }
      if (swarm != null) {
        out.println("one world: Basalt sequences, Basalt validates from its gossip");
        Swarm.Summary summary = Swarm.runDuo(seed, swarm, checked.get());
        summary.table().forEach(out::println);
        summary.reproductions(commit()).forEach(out::println);
        return summary.passed() ? 0 : 1;
      }
      return runDuo(out, checked.get(), DuoSchedule.of(checked.get()));
    }
    int exit = 0;
    for (NodeMode m : modes) {
      if (modes.size() > 1) {
        out.println("== mode " + m.name().toLowerCase(Locale.ROOT) + " ==");
      }
      Optional<Simulation.Options> options = options(m, err);
      if (options.isEmpty()) {
        return 2;
      }
      exit = Math.max(exit, runMode(out, options.get()));
    }
    return exit;
  }

  /** --ticks as given; without it, 80, or with --events alone steps enough to reach E events. */
  private int ticks() {
    if (ticks != null) {
      return ticks;
    }
    return events == null ? 80 : Simulation.Options.stepsFor(events);
  }

  /** The run's options for {@code mode}; empty (the reason on {@code err}) when the profile is unknown. */
  private Optional<Simulation.Options> options(NodeMode mode, PrintWriter err) {
    Simulation.Options options = Simulation.Options.of(seed, ticks()).withProfile(profile).withMode(mode);
    if (events != null) {
      options = options.withMaxEvents(events);
    }
    try {
      Simulation.schedule(options); // validates the profile name
    } catch (IllegalArgumentException e) {
      err.println("basalt sim: " + e.getMessage());
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /**
   * {@code --mode both}: one world, Basalt as its sequencer and Basalt as a validator the sequencer
   * gossips to, with {@code schedule} (the seed's, or a corpus entry's).
   */
  private int runDuo(PrintWriter out, Simulation.Options options, DuoSchedule schedule) throws Exception {
    out.println("one world: Basalt sequences, Basalt validates from its gossip");
    // One journal per node, each as that node's own journal would hold it (its crashes' torn tails too).
    SimJournalWriter seqJournal = new SimJournalWriter();
    SimJournalWriter valJournal = new SimJournalWriter();
    long t0 = System.nanoTime();
    SimResult result = journalDir != null
        ? DuoSimulation.run(options, schedule, seqJournal, valJournal)
        : DuoSimulation.run(options, schedule);
    long nanos = System.nanoTime() - t0;
    out.printf(Locale.ROOT, "seed %d: %d steps, %,d events (both nodes), %d faults scheduled%n", result.seed(), result.steps(),
        result.events(), schedule.size());
    out.println("injected: " + result.injected());
    out.println("marks: " + result.marks());
    out.println("validator final: unsafe " + result.finalStatus().unsafeL2() + ", safe " + result.finalStatus().safeL2());
    out.println(result.passed() ? "PASSED" : "FAILED: " + result.failure().orElseThrow());
    out.printf(Locale.ROOT, "ran %,d events in %.2f s (%,.0f events/s)%n", result.events(), nanos / 1e9,
        result.events() * 1e9 / Math.max(1, nanos));
    out.println(result.cost().describe(result.events()));
    if (journalDir != null) {
      writeJournal(out, journalDir.resolve("sequencer"), options.withMode(NodeMode.SEQUENCER), seqJournal);
      writeJournal(out, journalDir.resolve("validator"), options.withMode(NodeMode.VALIDATOR), valJournal);
    }
    if (result.passed()) {
      return 0;
    }
    out.println("reproduce: " + (corpus != null
        ? "./basalt sim --corpus " + corpus + "   (commit " + commit() + ")"
        : options.commandLine(true) + "   (commit " + commit() + ")"));
    if (shrink) {
      shrinkDuoAndWrite(out, options, schedule);
    }
    return 1;
  }

  private int runMode(PrintWriter out, Simulation.Options options) throws Exception {
    if (swarm != null) {
      Swarm.Summary summary = Swarm.run(seed, swarm, options);
      summary.table().forEach(out::println);
      summary.reproductions(commit()).forEach(out::println);
      return summary.passed() ? 0 : 1;
    }
    FaultSchedule schedule = Simulation.schedule(options);
    if (corpus != null) {
      SimCorpus entry = SimCorpus.read(corpus); // the corpus entry names its own mode
      options = entry.options();
      schedule = entry.schedule();
    }
    // Keeping every event for a journal costs memory and state hashes: only when one is asked for.
    SimJournalWriter journal = new SimJournalWriter();
    long t0 = System.nanoTime();
    SimResult result = Simulation.run(options, schedule, journalDir != null ? journal : (e, o, c) -> {});
    long nanos = System.nanoTime() - t0;
    print(out, result, schedule);
    out.printf(Locale.ROOT, "ran %,d events in %.2f s (%,.0f events/s)%n", result.events(), nanos / 1e9,
        result.events() * 1e9 / Math.max(1, nanos));
    out.println(result.cost().describe(result.events()));
    if (journalDir != null) {
      writeJournal(out, journalDir, options, journal);
    }
    if (result.passed()) {
      return 0;
    }
    out.println("reproduce: " + (corpus != null
        ? "./basalt sim --corpus " + corpus + "   (commit " + commit() + ")"
        : options.commandLine(false) + "   (commit " + commit() + ")"));
    if (shrink) {
      shrinkAndWrite(out, options, schedule);
    }
    return 1;
  }

  private void print(PrintWriter out, SimResult r, FaultSchedule schedule) {
    out.printf(Locale.ROOT, "seed %d: %d steps, %,d events, %d faults scheduled%n", r.seed(), r.steps(), r.events(), schedule.size());
    out.println("injected: " + r.injected());
    out.println("marks: " + r.marks());
    out.println("final: safe " + r.finalStatus().safeL2() + ", finalized " + r.finalStatus().finalizedL2());
    out.println(r.passed() ? "PASSED" : "FAILED: " + r.failure().orElseThrow());
  }

  private static String commit() {
    // The ./basalt launcher stamps the checkout's commit into the jar it builds; a jar built by
    // Maven directly carries none, and is then run from its checkout, whose HEAD git can name.
    String stamped = dev.basalt.cli.Version.property("commit");
    return stamped.equals("unknown") ? GitHead.shortCommit().orElse("unknown") : stamped;
  }

  private static void writeJournal(PrintWriter out, Path dir, Simulation.Options options, SimJournalWriter writer) {
    var config = Simulation.worldFor(options).coreConfig(options.mode());
    JournalHeader header = new JournalHeader(1, "sim", config.l2ChainId(), dev.basalt.core.types.Hash32.ZERO, 0);
    try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), header)) {
      long n = writer.writeTo(journal);
      out.println("journal: " + n + " inputs in " + dir + "; check with: ./basalt replay verify " + dir);
    }
  }

  private void shrinkDuoAndWrite(PrintWriter out, Simulation.Options options, DuoSchedule schedule) throws Exception {
    var shrunk = Shrinker.shrinkDuo(options, schedule);
    if (shrunk.isEmpty()) {
      out.println("shrink: the failure did not reproduce");
      return;
    }
    var s = shrunk.get();
    Path file = corpusOut != null ? corpusOut : Path.of("sim-corpus", "seed-" + options.seed() + "-both.txt");
    new DuoCorpus(options, s.schedule(), "shrunk from " + schedule.size() + " faults in " + s.runs() + " runs\nfailure: "
        + s.result().failure().orElseThrow()).write(file);
    out.println("shrunk to " + s.schedule().size() + " faults (" + s.runs() + " runs): " + s.schedule());
    out.println("first failing event: " + s.result().failure().orElseThrow().event());
    out.println("corpus entry written to " + file);
  }

  private void shrinkAndWrite(PrintWriter out, Simulation.Options options, FaultSchedule schedule) throws Exception {
    var shrunk = Shrinker.shrink(options, schedule);
    if (shrunk.isEmpty()) {
      out.println("shrink: the failure did not reproduce");
      return;
    }
    var s = shrunk.get();
    Path file = corpusOut != null ? corpusOut : Path.of("sim-corpus", "seed-" + options.seed() + ".txt");
    new SimCorpus(options, s.schedule(), "shrunk from " + schedule.size() + " faults in " + s.runs() + " runs\nfailure: "
        + s.result().failure().orElseThrow()).write(file);
    out.println("shrunk to " + s.schedule().size() + " faults (" + s.runs() + " runs): " + s.schedule().faults());
    out.println("first failing event: " + s.result().failure().orElseThrow().event());
    out.println("corpus entry written to " + file);
  }
}
