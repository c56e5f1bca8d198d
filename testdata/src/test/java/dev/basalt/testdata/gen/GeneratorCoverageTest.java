package dev.basalt.testdata.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generators must produce every permitted subtype of every sealed type the journal stores, so
 * adding an event, command or variant without a generator fails the build here.
 */
class GeneratorCoverageTest {
  private static final int DRAWS = 20_000;

  @Test
  void eventGeneratorsCoverEverySubtypeAndVariant() {
    Set<String> events = new TreeSet<>();
    Set<String> engineResponses = new TreeSet<>();
    Set<String> adminRequests = new TreeSet<>();
    Set<FailureKind> failureKinds = EnumSet.noneOf(FailureKind.class);
    SimRng rng = new SimRng(1);
    for (int i = 0; i < DRAWS; i++) {
      InputEvent event = EventGenerators.any(rng);
      events.add(event.getClass().getName());
      switch (event) {
        case EngineResponseReceived e -> engineResponses.add(e.response().getClass().getName());
        case AdminRequestReceived e -> adminRequests.add(e.request().getClass().getName());
        case RequestFailed e -> failureKinds.add(e.kind());
        default -> {}
      }
    }
    assertEquals(names(InputEvent.class), events);
    assertEquals(names(EngineResponse.class), engineResponses);
    assertEquals(names(AdminRequest.class), adminRequests);
    assertEquals(EnumSet.allOf(FailureKind.class), failureKinds);
    assertEquals(InputEvent.class.getPermittedSubclasses().length, EventGenerators.EVENT_TYPES);
    assertEquals(EngineResponse.class.getPermittedSubclasses().length, EngineGenerators.ENGINE_RESPONSE_VARIANTS);
  }

  @Test
  void commandGeneratorsCoverEverySubtypeAndVariant() {
    Set<String> commands = new TreeSet<>();
    Set<String> outcomes = new TreeSet<>();
    SimRng rng = new SimRng(2);
    for (int i = 0; i < DRAWS; i++) {
      Command command = CommandGenerators.any(rng);
      commands.add(command.getClass().getName());
      if (command instanceof RespondRpc r) {
        outcomes.add(r.outcome().getClass().getName());
      }
    }
    assertEquals(names(Command.class), commands);
    assertEquals(names(RpcOutcome.class), outcomes);
    assertEquals(Command.class.getPermittedSubclasses().length, CommandGenerators.COMMAND_TYPES);
  }

  @Test
  void payloadStatusesCoverEveryStatusAndBothOptionalStates() {
    Set<ExecutionStatus> statuses = EnumSet.noneOf(ExecutionStatus.class);
    boolean hashPresent = false;
    boolean hashAbsent = false;
    boolean errorPresent = false;
    boolean errorAbsent = false;
    SimRng rng = new SimRng(3);
    for (int i = 0; i < 1_000; i++) {
      var status = EngineGenerators.payloadStatus(rng);
      statuses.add(status.status());
      hashPresent |= status.latestValidHash().isPresent();
      hashAbsent |= status.latestValidHash().isEmpty();
      errorPresent |= status.validationError().isPresent();
      errorAbsent |= status.validationError().isEmpty();
    }
    assertEquals(EnumSet.allOf(ExecutionStatus.class), statuses);
    assertTrue(hashPresent && hashAbsent && errorPresent && errorAbsent);
  }

  @Test
  void edgeValuesAppear() {
    SimRng rng = new SimRng(4);
    boolean emptyData = false;
    boolean largeData = false;
    boolean emptyCommands = false;
    for (int i = 0; i < 5_000; i++) {
      GossipPayloadReceived g = EventGenerators.gossipPayloadReceived(rng);
      emptyData |= g.data().isEmpty();
      largeData |= g.data().length() == ValueGenerators.LARGE_BYTES_MAX;
      emptyCommands |= CommandGenerators.list(rng, 4).isEmpty();
    }
    assertTrue(emptyData, "empty gossip payload");
    assertTrue(largeData, "largest gossip payload");
    assertTrue(emptyCommands, "empty command list");
  }

  private static Set<String> names(Class<?> sealed) {
    Set<String> names = new TreeSet<>();
    Arrays.stream(sealed.getPermittedSubclasses()).forEach(c -> names.add(c.getName()));
    return names;
  }
}
