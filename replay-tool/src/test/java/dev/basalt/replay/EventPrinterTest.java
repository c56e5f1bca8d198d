package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.OutputRecord;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPrinterTest {
  private static final JournalRecorder.Recorded RUN = new JournalRecorder(10, 0).record(31, 6_000);
  private static final List<InputRecord> INPUTS = JournalEdits.inputs(RUN.journal());
  private static final ObjectMapper PARSER = new ObjectMapper();

  private static List<JsonNode> print(Journal journal, EventFilter filter, boolean withOutputs) throws Exception {
    StringWriter out = new StringWriter();
    long n = new EventPrinter(journal).print(filter, withOutputs, out);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(PARSER.readTree(line));
      }
    }
    assertTrue(out.toString().endsWith("\n"), "every line ends with a newline");
    assertEquals(n, lines.size());
    return lines;
  }

  @Test
  void everyInputIsOneLineWithSeqTimeTypeAndEvent() throws Exception {
    List<JsonNode> lines = print(RUN.journal(), EventFilter.ALL, false);

    assertEquals(INPUTS.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      InputRecord in = INPUTS.get(i);
      assertEquals(List.of("seq", "ingestMillis", "type", "event"), fieldNames(line));
      assertEquals(in.seq(), line.get("seq").asLong());
      assertEquals(in.ingestMillis(), line.get("ingestMillis").asLong());
      assertEquals(in.event().getClass().getSimpleName(), line.get("type").asText());
      assertTrue(line.get("event").isObject());
    }
  }

  @Test
  void valuesAreRenderedAsHexAndRecordComponentsOnly() throws Exception {
    List<JsonNode> lines = print(RUN.journal(), EventFilter.of(null, null, "L1HeadObserved"), false);
    JsonNode head = lines.get(0).get("event").get("head");
    L1HeadObserved e = (L1HeadObserved) INPUTS.get(lines.get(0).get("seq").asInt()).event();

    assertEquals(List.of("hash", "number", "parentHash", "timestamp"), fieldNames(head));
    assertEquals(e.head().hash().toHex(), head.get("hash").asText());
    assertTrue(head.get("hash").asText().matches("0x[0-9a-f]{64}"));
    assertEquals(e.head().number(), head.get("number").asLong());

    JsonNode gossip = print(RUN.journal(), EventFilter.of(null, null, "GossipPayloadReceived"), false).get(0);
    GossipPayloadReceived g = (GossipPayloadReceived) INPUTS.get(gossip.get("seq").asInt()).event();
    assertEquals(g.data().toHex(), gossip.get("event").get("data").asText());
  }

  @Test
  void nestedVariantsCarryTheirSimpleClassNameAsType() throws Exception {
    JsonNode admin = print(RUN.journal(), EventFilter.of(null, null, "AdminRequestReceived"), false).get(0);
    assertEquals("ResetDerivationPipeline", admin.get("event").get("request").get("type").asText());
    assertTrue(INPUTS.get(admin.get("seq").asInt()).event() instanceof AdminRequestReceived);

    boolean sawHeads = false;
    boolean sawForkchoice = false;
    for (JsonNode line : print(RUN.journal(), EventFilter.of(null, null, "engineresponsereceived"), false)) {
      EngineResponseReceived e = (EngineResponseReceived) INPUTS.get(line.get("seq").asInt()).event();
      JsonNode response = line.get("event").get("response");
      assertEquals(e.response().getClass().getSimpleName(), response.get("type").asText());
      if (e.response() instanceof EngineResponse.ForkchoiceUpdated fcu) {
        sawForkchoice = true;
        assertTrue(response.get("payloadId").isNull(), "an empty Optional is null");
        assertEquals(fcu.status().status().name(), response.get("status").get("status").asText());
      } else {
        sawHeads = true;
      }
    }
    assertTrue(sawHeads && sawForkchoice);
  }

  @Test
  void rangeAndTypeFiltersSelectExactlyThoseInputs() throws Exception {
    List<JsonNode> range = print(RUN.journal(), EventFilter.of(100L, 250L, null), false);
    assertEquals(151, range.size());
    assertEquals(100, range.get(0).get("seq").asLong());
    assertEquals(250, range.get(150).get("seq").asLong());

    List<JsonNode> heads = print(RUN.journal(), EventFilter.of(1_000L, 3_000L, "l1HEADobserved"), false);
    long expected =
        INPUTS.stream()
            .filter(r -> r.seq() >= 1_000 && r.seq() <= 3_000 && r.event() instanceof L1HeadObserved)
            .count();
    assertTrue(expected > 10);
    assertEquals(expected, heads.size());
    for (JsonNode h : heads) {
      assertEquals("L1HeadObserved", h.get("type").asText());
    }
  }

  @Test
  void unknownTypeIsRefusedNamingTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(null, null, "L1HeadSeen"));
    assertTrue(e.getMessage().contains("L1HeadObserved"), e.getMessage());
  }

  @Test
  void outputsAreAddedWhenAsked() throws Exception {
    Journal killed = JournalEdits.withoutOutputsFrom(RUN.journal(), 5_998);
    List<OutputRecord> outputs = JournalEdits.outputs(RUN.journal());

    List<JsonNode> lines = print(killed, EventFilter.of(5_900L, null, null), true);

    assertEquals(100, lines.size());
    boolean sawCommand = false;
    for (JsonNode line : lines) {
      long seq = line.get("seq").asLong();
      JsonNode o = line.get("outputs");
      if (seq >= 5_998) {
        assertTrue(o.isNull(), "no output recorded for " + seq);
        continue;
      }
      OutputRecord r = outputs.get((int) seq);
      assertEquals(r.commands().size(), o.get("commands").size());
      for (int i = 0; i < r.commands().size(); i++) {
        sawCommand = true;
        assertEquals(r.commands().get(i).getClass().getSimpleName(), o.get("commands").get(i).get("type").asText());
      }
      String hash = o.get("stateHash").isNull() ? null : o.get("stateHash").asText();
      assertEquals(r.stateHash().map(Hash32::toHex).orElse(null), hash);
    }
    assertTrue(sawCommand);
    assertFalse(print(RUN.journal(), EventFilter.of(0L, 0L, null), false).get(0).has("outputs"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
