package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OutputRootCommandTest {
  @Test
  void upstreamVectors() {
    for (JsonNode v : Tool.json("g-output-roots/output_root_vectors.json").get("vectors")) {
      JsonNode out = Tool.run("output-root",
          "--state-root", v.get("state_root").asText(),
          "--message-passer-root", v.get("message_passer_storage_root").asText(),
          "--block-hash", v.get("block_hash").asText()).json();
      assertEquals(v.get("version").asText(), out.get("version").asText());
      assertEquals(v.get("expected_output_root").asText(), out.get("outputRoot").asText(), v.get("name").asText());
      if (v.has("expected_encoding")) {
        assertEquals(v.get("expected_encoding").asText(), out.get("preimage").asText());
      }
    }
  }

  @Test
  void hexWithoutPrefixAndWithWhitespaceIsAccepted() {
    JsonNode v = Tool.json("g-output-roots/output_root_vectors.json").get("vectors").get(0);
    JsonNode out = Tool.run("output-root",
        "--state-root", " " + v.get("state_root").asText().substring(2) + "\n",
        "--message-passer-root", v.get("message_passer_storage_root").asText().toUpperCase().replace("0X", "0x"),
        "--block-hash", v.get("block_hash").asText()).json();
    assertEquals(v.get("expected_output_root").asText(), out.get("outputRoot").asText());
  }

  @Test
  void argumentsThatAreNoHashes() {
    String zero = "0x" + "00".repeat(32);
    assertEquals("error: --state-root: a hash is 32 bytes (64 hex digits), got 31 bytes",
        Tool.run("output-root", "--state-root", "0x" + "00".repeat(31), "--message-passer-root", zero, "--block-hash", zero)
            .badInput());
    assertEquals("error: --block-hash: 'g' at digit 0 is not a hex digit",
        Tool.run("output-root", "--state-root", zero, "--message-passer-root", zero, "--block-hash", "0xg0").badInput());
    Tool.Run missing = Tool.run("output-root", "--state-root", zero);
    assertEquals(ToolExit.BAD_INPUT, missing.exit());
    assertTrue(missing.err().startsWith("Missing required options: '--message-passer-root=HASH', '--block-hash=HASH'"),
        missing.err());
  }
}
