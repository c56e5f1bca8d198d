package dev.basalt.testdata.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.Request;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlausibleEventStreamTest {
  private static List<InputEvent> run(long seed, int n, Set<Long> issuedIds) {
    PlausibleEventStream stream = new PlausibleEventStream(new SimRng(seed));
    Core core = new Core();
    List<InputEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      InputEvent e = stream.next();
      events.add(e);
      List<Command> out = core.apply(e);
      for (Command c : out) {
        if (c instanceof Request r) {
          issuedIds.add(r.correlationId());
        }
      }
      stream.observe(out);
    }
    return events;
  }

  @Test
  void drivesTheCoreThroughEveryKindOfEventWithoutFailing() {
    Set<Long> issued = new HashSet<>();
    List<InputEvent> events = run(42, 60_000, issued);

    assertInstanceOf(NodeStarted.class, events.get(0));
    Map<String, Integer> kinds = new TreeMap<>();
    for (InputEvent e : events) {
      kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
    }
    assertEquals(11, kinds.size(), "every event type should occur: " + kinds);
    assertTrue(kinds.get("NodeStarted") >= 2, "expected restarts: " + kinds);
  }

  @Test
  void answersEchoCorrelationIdsTheCoreIssued() {
    Set<Long> issued = new HashSet<>();
    List<InputEvent> events = run(7, 30_000, issued);
    int answers = 0;
    for (InputEvent e : events) {
      long id =
          switch (e) {
            case L1BlockFetched f -> f.correlationId();
            case EngineResponseReceived r -> r.correlationId();
            case RequestFailed f -> f.correlationId();
            case WakeupFired w -> w.correlationId();
            default -> -1;
          };
      if (id >= 0) {
        answers++;
        assertTrue(issued.contains(id), "answer to an id the core never issued: " + e);
      }
    }
    assertTrue(answers > 500, "too few answers: " + answers);
  }

  @Test
  void sameSeedSameStreamOtherSeedOtherStream() {
    assertEquals(run(3, 5_000, new HashSet<>()), run(3, 5_000, new HashSet<>()));
    assertNotEquals(run(3, 5_000, new HashSet<>()), run(4, 5_000, new HashSet<>()));
  }
}
