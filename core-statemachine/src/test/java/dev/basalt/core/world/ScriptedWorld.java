package dev.basalt.core.world;

import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.L1Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The world a scenario's core talks to: an L1 chain, the world's true L2 chain and batcher, and a
 * toy engine for the node. {@link #handle} answers a world-facing command synchronously with the
 * events the adapters would deliver (the same shape as the full simulated world in {@code
 * testdata}); scripted rules can answer matching commands differently first (failures, odd
 * statuses), once or for a number of times.
 */
public final class ScriptedWorld {
  public final TestChain chain;
  public final TestL1 l1;
  public final TrueChain truth;
  public final ToyEngine engine;
  /** What the op-conductor answers {@code conductor_leader}. */
  public boolean conductorLeader = true;
  /** The blocks op-conductor committed (commits failed by a rule are not here), in order. */
  public final List<ExecutionPayloadEnvelope> committed = new ArrayList<>();
  /** Every engine-facing command the world answered, in order. */
  public final List<Command> engineCalls = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();

  private static final class Rule {
    final Predicate<Command> matches;
    final Function<Command, List<InputEvent>> answer;
    int times;

    Rule(Predicate<Command> matches, Function<Command, List<InputEvent>> answer, int times) {
      this.matches = matches;
      this.answer = answer;
      this.times = times;
    }
  }

  public ScriptedWorld(TestChain chain) {
    this.chain = chain;
    this.l1 = new TestL1(chain.l1Genesis);
    this.truth = new TrueChain(chain, l1);
    this.engine = new ToyEngine(chain.rollup, chain.l2Genesis);
  }

  /** Answers the next {@code times} commands matching {@code matches} with {@code answer}. */
  public void script(Predicate<Command> matches, int times, Function<Command, List<InputEvent>> answer) {
    rules.add(new Rule(matches, answer, times));
  }

  /** Fails the next {@code times} commands of this type with {@code kind}. */
  public void fail(Class<? extends Command> type, int times, FailureKind kind) {
    script(type::isInstance, times, c -> List.of(new RequestFailed(((Request) c).correlationId(), kind, "scripted")));
  }

  /** Answers the next {@code times} commands of this type with {@code response}. */
  public void respond(Class<? extends Command> type, int times, EngineResponse response) {
    script(type::isInstance, times, c -> List.of(new EngineResponseReceived(((Request) c).correlationId(), response)));
  }

  /** The events answering {@code command} now; commands that are not the world's business get none. */
  public List<InputEvent> handle(Command command) {
    boolean engineCall = command instanceof SendForkchoiceUpdate || command instanceof SendNewPayload
        || command instanceof GetPayload || command instanceof FetchL2Block;
    if (engineCall) {
      engineCalls.add(command);
    }
    for (Rule r : rules) {
      if (r.times > 0 && r.matches.test(command)) {
        r.times--;
        return r.answer.apply(command);
      }
    }
    return switch (command) {
      case FetchL1Block f -> {
        L1Block b = l1.block(f.number());
        yield List.of(b == null
            ? new RequestFailed(f.correlationId(), FailureKind.NOT_FOUND, "no L1 block " + f.number())
            : new L1BlockFetched(f.correlationId(), b));
      }
      case FetchBlobs f -> List.of(new RequestFailed(f.correlationId(), FailureKind.NOT_FOUND, "no blobs here"));
      case FetchL2Block f -> engine(f.correlationId(), new EngineResponse.L2Block(engine.block(f.selector())));
      case SendForkchoiceUpdate f -> engine(f.correlationId(), engine.forkchoiceUpdated(f.state(), f.attributes()));
      case SendNewPayload n -> engine(n.correlationId(), engine.newPayload(n.envelope()));
      case GetPayload g -> engine(g.correlationId(), engine.getPayload(g.payloadId()));
      case CommitUnsafePayload c -> {
        committed.add(c.envelope());
        yield List.of(new ConductorPayloadCommitted(c.correlationId()));
      }
      case CheckConductorLeader c -> List.of(new ConductorLeaderChecked(c.correlationId(), conductorLeader));
      default -> List.of();
    };
  }

  private static List<InputEvent> engine(long id, EngineResponse response) {
    return List.of(new EngineResponseReceived(id, response));
  }

  /** What an L1 head poller would report now. */
  public InputEvent l1Head() {
    return new L1HeadObserved(l1.head().ref());
  }

  public InputEvent l1Finalized() {
    return new L1FinalizedObserved(l1.finalizedBlock().ref());
  }
}
