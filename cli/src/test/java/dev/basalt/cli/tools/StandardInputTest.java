package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --file -} reads standard input, for pipes from an RPC client. */
class StandardInputTest {
  private final InputStream original = System.in;

  @AfterEach
  void restore() {
    System.setIn(original);
  }

  @Test
  void decodeReadsHexFromStandardInput() {
    JsonNode v = Tool.json("tx/l1_tx_vectors.json").get("vectors").get(2);
    // As an RPC client prints a result: a JSON string.
    System.setIn(new ByteArrayInputStream(("\"" + v.get("raw").asText() + "\"\n").getBytes(StandardCharsets.US_ASCII)));
    assertEquals(v.get("hash").asText(), Tool.run("decode", "tx", "--file", "-").json().get("hash").asText());
  }

  @Test
  void blockHashReadsJsonFromStandardInput() {
    String real = "j-real-derivation/op-mainnet-l1-18090205-18090218/l2/109279680.block.json";
    System.setIn(new ByteArrayInputStream(Tool.bytes(real)));
    assertEquals(Tool.json(real).get("hash").asText(), Tool.run("block-hash", "--file", "-").json().get("hash").asText());
  }
}
