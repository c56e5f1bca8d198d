package dev.basalt.adapters.node;

import dev.basalt.adapters.clock.ClockAdapter;
import dev.basalt.adapters.ring.CommandDispatcher;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.HaltNode;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each command to its adapter. The switch is exhaustive over the sealed {@link Command}
 * type, so a new command without a route does not compile. An adapter that throws while taking a
 * request gets the request answered with {@code RequestFailed}, published from a separate thread
 * because the dispatcher thread must never publish into the ring it consumes.
 */
public final class CommandRouter implements CommandDispatcher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

  private final CommandHandlers handlers;
  private final ClockAdapter clock;
  private final StatusBoard status;
  private final EventSink sink;
  private final Consumer<String> halt;
  private final AtomicLong payloadsPublished = new AtomicLong();
  private final ExecutorService feedback =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "basalt-feedback");
            t.setDaemon(true);
            return t;
          });

  /** @param halt stops the node when the core emits {@code HaltNode} */
  public CommandRouter(CommandHandlers handlers, ClockAdapter clock, StatusBoard status, EventSink sink, Consumer<String> halt) {
    this.handlers = handlers;
    this.clock = clock;
    this.status = status;
    this.sink = sink;
    this.halt = halt;
  }

  @Override
  public void dispatch(Command command) {
    switch (command) {
      case FetchL1Block c -> carryOut(c, handlers.l1()::fetchBlock, c);
      case FetchBlobs c -> carryOut(c, handlers.l1()::fetchBlobs, c);
      case FetchEngineHeads c -> carryOut(c, handlers.engine()::fetchHeads, c);
      case FetchL2Block c -> carryOut(c, handlers.engine()::fetchBlock, c);
      case SendForkchoiceUpdate c -> carryOut(c, handlers.engine()::forkchoiceUpdate, c);
      case SendNewPayload c -> carryOut(c, handlers.engine()::newPayload, c);
      case GetPayload c -> carryOut(c, handlers.engine()::getPayload, c);
      case ScheduleWakeup c -> carryOut(c, clock::schedule, c);
      case RespondRpc c -> handlers.rpc().respond(c);
      case RecordSafeHead c -> handlers.safeHeads().record(c);
      case RewindSafeHeads c -> handlers.safeHeads().rewind(c);
      case PublishSyncStatus c -> status.publish(c.status());
      case PublishPayload c -> {
        payloadsPublished.incrementAndGet();
        handlers.sequencer().publish().publish(c);
      }
      case CommitUnsafePayload c -> carryOut(c, handlers.sequencer().conductor()::commit, c);
      case CheckConductorLeader c -> carryOut(c, handlers.sequencer().conductor()::checkLeader, c);
      case PersistSequencerState c -> handlers.sequencer().adminState().persist(c);
      case ResolveGossipMessage c -> handlers.gossip().resolve(c);
      case HaltNode c -> {
        LOG.error("the core halted the node: {}", c.reason());
        halt.accept(c.reason());
      }
    }
  }

  private <C extends Command> void carryOut(C command, Consumer<C> handler, Request request) {
    try {
      handler.accept(command);
    } catch (RuntimeException e) {
      LOG.warn("adapter rejected {}: {}", command, e.toString());
      RequestFailed failed = new RequestFailed(request.correlationId(), FailureKind.TRANSPORT, "adapter error: " + e);
      feedback.execute(() -> sink.publish(failed));
    }
  }

  /** How many sequenced blocks the core handed out for publishing (signed or not). */
  public long payloadsPublished() {
    return payloadsPublished.get();
  }

  @Override
  public void close() {
    feedback.shutdownNow();
  }
}
