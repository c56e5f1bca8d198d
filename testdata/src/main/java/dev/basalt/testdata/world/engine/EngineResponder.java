package dev.basalt.testdata.world.engine;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.testdata.world.Answer;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.fault.FaultPlan;
import java.util.List;
import java.util.Optional;

/**
 * Answers the core's engine commands from a {@link FakeEngine} the way the Engine API client would:
 * each as an {@code EngineResponseReceived}. Armed {@link Fault}s: {@code Fail} with a JSON-RPC code
 * becomes an {@code RpcError} response (other failures a {@code RequestFailed}), {@code Timeout}
 * never reaches the engine, {@code Drop} reaches it but the answer is lost, {@code Delay} answers
 * late. Over HTTP the front-end takes the fault itself and asks {@link #respond} for the answer.
 */
public final class EngineResponder {
  private final FakeEngine engine;
  private final FaultPlan<Command> faults = new FaultPlan<>();

  public EngineResponder(FakeEngine engine) {
    this.engine = engine;
  }

  public FaultPlan<Command> faults() {
    return faults;
  }

  public static boolean handles(Command c) {
    return c instanceof SendForkchoiceUpdate || c instanceof SendNewPayload || c instanceof GetPayload
        || c instanceof FetchL2Block || c instanceof FetchEngineHeads;
  }

  public List<Answer> answer(Command command) {
    long id = ((Request) command).correlationId();
    Optional<Fault> fault = faults.take(command);
    long delay = 0;
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Fault.Fail f -> {
          InputEvent e = f.kind() == FailureKind.REMOTE_ERROR && f.rpcCode() != 0
              ? new EngineResponseReceived(id, new EngineResponse.RpcError(f.rpcCode(), f.message()))
              : new RequestFailed(id, f.kind(), f.message());
          return List.of(Answer.now(e));
        }
        case Fault.Timeout t -> {
          return List.of(Answer.now(new RequestFailed(id, FailureKind.TIMEOUT, "simulated engine timeout")));
        }
        case Fault.Drop d -> {
          apply(command);
          return List.of(Answer.now(new RequestFailed(id, FailureKind.TRANSPORT, "simulated engine response dropped")));
        }
        case Fault.Delay d -> delay = d.millis();
      }
    }
    return List.of(new Answer(new EngineResponseReceived(id, apply(command)), delay));
  }

  /**
   * The engine's own answer to {@code command}, without consulting the fault plan (an HTTP
   * front-end takes the fault itself, because a fault looks different on the wire).
   */
  public EngineResponse respond(Command command) {
    return apply(command);
  }

  private EngineResponse apply(Command command) {
    return switch (command) {
      case SendForkchoiceUpdate f -> engine.forkchoiceUpdated(f.state(), f.attributes(), f.version());
      case SendNewPayload n -> engine.newPayload(n.envelope(), n.version());
      case GetPayload g -> engine.getPayload(g.payloadId(), g.version());
      case FetchL2Block f -> new EngineResponse.L2Block(engine.block(f.selector()));
      case FetchEngineHeads h -> engine.heads();
      default -> throw new IllegalArgumentException("not an engine command: " + command);
    };
  }
}
