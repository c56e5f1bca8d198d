package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.CoreMemos;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.testdata.world.Answer;
import dev.basalt.testdata.world.SimWorld;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A {@link Core} driven against a {@link SimWorld} on one thread with a virtual clock. Events are
 * applied in arrival order; world answers to the core's commands join the back of the queue; when
 * the queue runs dry the clock jumps to the next wakeup (or the world's next delayed answer). The
 * time spent inside {@link Core#apply} is measured apart from the world's, so a benchmark can
 * report the consensus layer's own cost.
 */
public final class SimNode {
  /**
   * How often (in events) the simulated process writes the snapshot a crash restarts from. Often
   * enough that replaying the journal after a crash stays cheap (at 2,000 the replays cost a seventh
   * of a swarm run; at 500 a twentieth, plus a fiftieth for writing snapshots).
   */
  private static final int SNAPSHOT_EVERY_EVENTS = 500;

  /** Sees every event the core applied with what it emitted (a journal writer, invariant checks). */
  public interface Listener {
    void applied(InputEvent event, List<Command> out, Core core);

    /** The process died; the last {@code lostEvents} applied events never reached the journal. */
    default void crashed(int lostEvents) {}

    /** A listener that does nothing (left out of {@link #all}'s list, which calls every other one per event). */
    Listener NONE = (event, out, core) -> {};

    /** One listener telling {@code listeners} everything, in order. */
    static Listener all(List<Listener> listeners) {
      List<Listener> copy = List.copyOf(listeners).stream().filter(l -> l != NONE).toList();
      return new Listener() {
        @Override
        public void applied(InputEvent event, List<Command> out, Core core) {
          for (Listener l : copy) {
            l.applied(event, out, core);
          }
        }

        @Override
        public void crashed(int lostEvents) {
          for (Listener l : copy) {
            l.crashed(lostEvents);
          }
        }
      };
    }
  }

  /**
   * Inputs that arrive by virtual time from outside the world's answers (gossip from peers): asked
   * for its next due time whenever the node looks for something to do, and for what is due once
   * the clock got there. What is in flight when the process dies is lost.
   */
  public interface TimedInputs {
    long nextDueMillis();

    List<InputEvent> deliverDue(long nowMillis);

    void processDied();
  }

  private static final TimedInputs NO_TIMED_INPUTS = new TimedInputs() {
    @Override
    public long nextDueMillis() {
      return Long.MAX_VALUE;
    }

    @Override
    public List<InputEvent> deliverDue(long nowMillis) {
      return List.of();
    }

    @Override
    public void processDied() {}
  };

  private final SimWorld world;
  private final CoreConfig config;
  /**
   * The core's memos, kept by the simulated machine across process restarts (recovered signers are
   * shared with the world, {@link SimWorld#recoveries}): a memo cannot change an answer, so a restart
   * replaying its journal need not pay for public-key recovery or decompression again (what a
   * restart costs is not what the simulation checks).
   */
  private final CoreMemos memos;
  private Core core;
  private byte[] snapshot;
  private final List<InputEvent> sinceSnapshot = new ArrayList<>();
  /** Writes every snapshot (reset each time; only the bytes copied out of it are kept). */
  private final BinaryWriter snapshotWriter = new BinaryWriter();
  private Listener listener = (e, out, c) -> {};
  private java.util.function.Predicate<Command> sideHandles = c -> false;
  private java.util.function.Function<Command, List<Answer>> sideAnswers = c -> List.of();
  /**
   * Answers this node waits for (a fault delayed them), its own: with two nodes in one world, one
   * node's late answers are not the other's, and die with its process alone.
   */
  private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
  private long delayedSeq;
  private TimedInputs timedInputs = NO_TIMED_INPUTS;
  private final ArrayDeque<InputEvent> inbox = new ArrayDeque<>();
  private final TreeMap<Long, ArrayDeque<Long>> timers = new TreeMap<>();
  private long nowMillis;
  private long events;
  private long commands;
  private long coreNanos;

  private record Delayed(long atMillis, long seq, InputEvent event) implements Comparable<Delayed> {
    @Override
    public int compareTo(Delayed o) {
      return atMillis != o.atMillis ? Long.compare(atMillis, o.atMillis) : Long.compare(seq, o.seq);
    }
  }

  private SimNode(SimWorld world, CoreConfig config) {
    this.world = world;
    this.config = config;
    this.memos = new CoreMemos(world.recoveries(), world.attributes());
    this.core = new Core(memos);
    this.nowMillis = world.nowSeconds() * 1000;
    inbox.add(new NodeStarted(config, nowMillis));
  }

  /** Starts a fresh node (empty core, the world's engine as it is) at the world's current time. */
  public static SimNode start(SimWorld world, CoreConfig config) {
    return new SimNode(world, config);
  }

  public void listen(Listener newListener) {
    this.listener = newListener;
  }

  /** Answers the commands {@code handles} accepts before the world sees them (a simulated op-conductor). */
  public void answerAlso(java.util.function.Predicate<Command> handles, java.util.function.Function<Command, List<InputEvent>> answers) {
    this.sideHandles = handles;
    this.sideAnswers = c -> answers.apply(c).stream().map(Answer::now).toList();
  }

  /**
   * Answers the commands {@code handles} accepts before the world sees them, each after its delay
   * (a node's own engine or L1 endpoint, with faults of its own).
   */
  public void answerAlsoTimed(java.util.function.Predicate<Command> handles, java.util.function.Function<Command, List<Answer>> answers) {
    this.sideHandles = handles;
    this.sideAnswers = answers;
  }

  /** Delivers {@code inputs} by virtual time too (gossip peers). */
  public void timedInputs(TimedInputs inputs) {
    this.timedInputs = inputs;
  }

  /** Queues an input from outside the world (an admin RPC call). */
  public void submit(InputEvent event) {
    inbox.add(event);
  }

  /**
   * The node process dies and starts again: answers in flight and pending wakeups are lost, the
   * last {@code lostEvents} applied events never reached the journal (a torn tail), and the core
   * is rebuilt as the runtime does it (last snapshot, then the journal's events after it) before
   * a new {@code NodeStarted}. The engine and L1 keep what they were told.
   */
  public void crash(int lostEvents) {
    int lost = Math.min(lostEvents, sinceSnapshot.size());
    sinceSnapshot.subList(sinceSnapshot.size() - lost, sinceSnapshot.size()).clear();
    inbox.clear();
    timers.clear();
    delayed.clear();
    timedInputs.processDied();
    core = snapshot == null ? new Core(memos) : Core.restore(new BinaryReader(snapshot), memos);
    for (InputEvent e : sinceSnapshot) {
      core.apply(e);
    }
    listener.crashed(lost);
    inbox.add(new NodeStarted(config, nowMillis));
  }

  /** Queues what a head poller would report now. */
  public void observeL1() {
    inbox.addAll(world.l1Observations());
  }

  /**
   * Moves the world and the node's clock to {@code timeSeconds} (the world mines and sequences
   * what falls due), then queues a clock tick and the L1 labels.
   */
  public void advanceTo(long timeSeconds) {
    tick(timeSeconds, true);
  }

  /** As {@link #advanceTo}, the L1 labels queued only when {@code observeL1} (a stalled poller sees nothing). */
  public void tick(long timeSeconds, boolean observeL1) {
    world.advanceTo(timeSeconds);
    nowMillis = Math.max(nowMillis, timeSeconds * 1000);
    inbox.add(new ClockTicked(nowMillis));
    if (observeL1) {
      observeL1();
    }
  }

  /**
   * Applies events until {@code done} holds, nothing is left to do, or {@code maxEvents} were
   * applied. Returns whether {@code done} holds.
   */
  public boolean runUntil(BooleanSupplier done, long maxEvents) {
    long limit = maxEvents > Long.MAX_VALUE - events ? Long.MAX_VALUE : events + maxEvents;
    while (!done.getAsBoolean() && events < limit) {
      if (!step()) {
        return done.getAsBoolean();
      }
    }
    return done.getAsBoolean();
  }

  /** Applies one event; false when there is none now and no wakeup or delayed answer pending. */
  public boolean step() {
    return step(Long.MAX_VALUE);
  }

  /**
   * Applies events, moving the clock through the wakeups and delayed answers due by {@code
   * untilMillis} (never past it), until nothing is left to do by then. A sequencing node always has
   * a wakeup planned, so it is driven this way rather than until idle.
   *
   * @return how many events were applied
   */
  public long runTo(long untilMillis) {
    long before = events;
    while (step(untilMillis)) {
      // each step applied one event
    }
    return events - before;
  }

  private boolean step(long untilMillis) {
    InputEvent next = inbox.poll();
    if (next == null) {
      if (!fireNextTimer(untilMillis)) {
        return false;
      }
      next = inbox.poll();
    }
    deliver(next);
    return true;
  }

  private boolean fireNextTimer(long untilMillis) {
    Map.Entry<Long, ArrayDeque<Long>> timer = timers.firstEntry();
    long worldDue = Math.min(delayed.isEmpty() ? Long.MAX_VALUE : delayed.peek().atMillis(), timedInputs.nextDueMillis());
    if (timer == null && worldDue == Long.MAX_VALUE) {
      return false;
    }
    long at = Math.min(timer == null ? Long.MAX_VALUE : timer.getKey(), worldDue);
    if (at > untilMillis) {
      return false;
    }
    nowMillis = Math.max(nowMillis, at);
    while (!delayed.isEmpty() && delayed.peek().atMillis() <= nowMillis) {
      inbox.add(delayed.poll().event());
    }
    inbox.addAll(timedInputs.deliverDue(nowMillis));
    if (timer != null && timer.getKey() <= nowMillis) {
      Long id = timer.getValue().poll();
      if (timer.getValue().isEmpty()) {
        timers.remove(timer.getKey());
      }
      inbox.add(new WakeupFired(id, nowMillis));
    }
    return !inbox.isEmpty();
  }

  private void deliver(InputEvent event) {
    // Wall time only: the thread's CPU clock costs ~0.6 µs a read, more than many events cost.
    long start = System.nanoTime();
    var out = core.apply(event);
    coreNanos += System.nanoTime() - start;
    events++;
    sinceSnapshot.add(event);
    listener.applied(event, out, core);
    if (sinceSnapshot.size() >= SNAPSHOT_EVERY_EVENTS) {
      BinaryWriter w = snapshotWriter;
      w.reset(); // its buffer kept from the last snapshot: growing a fresh writer to a snapshot's size showed in profiles
      core.writeSnapshot(w);
      snapshot = w.toByteArray();
      sinceSnapshot.clear();
    }
    if (TRACE && events >= TRACE_FROM && events < TRACE_FROM + TRACE_COUNT) {
      System.err.println("event " + events + ": " + abbreviate(event) + " -> " + out.stream().map(SimNode::abbreviate).toList());
    }
    for (Command c : out) {
      commands++;
      if (c instanceof ScheduleWakeup w) {
        timers.computeIfAbsent(w.atMillis(), t -> new ArrayDeque<>()).add(w.correlationId());
      } else {
        answered(sideHandles.test(c) ? sideAnswers.apply(c) : world.answer(c));
      }
    }
    if (!core.haltReason().isEmpty()) {
      throw new IllegalStateException("core halted at event " + events + ": " + core.haltReason());
    }
  }

  /** Answers due now join the inbox; delayed ones wait, due on the world's clock as {@link SimWorld#handle} dates them. */
  private void answered(List<Answer> answers) {
    for (Answer a : answers) {
      if (a.delayMillis() == 0) {
        inbox.add(a.event());
      } else {
        delayed.add(new Delayed(world.nowSeconds() * 1000 + a.delayMillis(), delayedSeq++, a.event()));
      }
    }
  }

  private static final boolean TRACE = Boolean.getBoolean("basalt.sim.trace");
  /** With {@code basalt.sim.trace}: the first of the 60 events traced. */
  private static final long TRACE_FROM = Long.getLong("basalt.sim.trace.from", 0);
  private static final long TRACE_COUNT = Long.getLong("basalt.sim.trace.count", 60);

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  public SimWorld world() {
    return world;
  }

  public SyncStatus status() {
    return core.syncStatus();
  }

  public Core core() {
    return core;
  }

  public long nowMillis() {
    return nowMillis;
  }

  public long events() {
    return events;
  }

  public long commands() {
    return commands;
  }

  /** Wall time spent inside the core's {@code apply}, in nanoseconds. */
  public long coreNanos() {
    return coreNanos;
  }
}
