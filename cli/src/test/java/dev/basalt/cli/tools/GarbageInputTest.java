package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated inputs never crash a tool: every run ends in JSON and exit 0, or in one line
 * on standard error and exit 2 - never a stack trace (exit 4).
 */
class GarbageInputTest {
  private static final long SEED = 20261121L;

  @TempDir Path dir;

  private static void assertClean(Tool.Run run, String what) {
    assertTrue(run.exit() == 0 || run.exit() == 2, () -> what + ": exit " + run.exit() + "\n" + run.err());
    assertFalse(run.err().contains("Exception"), () -> what + ": " + run.err());
    if (run.exit() == 2) {
      assertEquals(1, run.err().strip().lines().count(), () -> what + ": " + run.err());
    }
  }

  /** Real inputs for each decoder, as seeds for mutation. */
  private static List<String[]> seeds() {
    byte[] batcherTx = Tool.bytes("frames-channels-batches/kona_raw_batcher_tx.bin");
    byte[] calldata = ((SignedTx) TxCodec.decode(batcherTx)).tx().data().toArray();
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"batcher-tx", Tool.hex(batcherTx)});
    out.add(new String[] {"frames", Tool.hex(calldata)});
    out.add(new String[] {"channel", Tool.hex(Arrays.copyOfRange(calldata, 23, calldata.length - 1))});
    out.add(new String[] {"l1-info", Tool.json("l1info/l1_info_calldata_vectors.json").get("vectors").get(7)
        .get("calldata_hex").asText()});
    out.add(new String[] {"tx", Tool.json("deposits/deposit_tx_raw_vectors.json").get("vectors").get(1)
        .get("raw_tx_hex").asText()});
    out.add(new String[] {"tx", Tool.json("tx/l1_tx_vectors.json").get("vectors").get(1).get("raw").asText()});
    return out;
  }

  @Test
  void mutatedAndTruncatedRealInputs() {
    Random rng = new Random(SEED);
    for (String[] seed : seeds()) {
      byte[] original = Tool.unhex(seed[1]);
      for (int i = 0; i < 25; i++) {
        byte[] mutated = original.clone();
        int flips = 1 + rng.nextInt(4);
        for (int f = 0; f < flips; f++) {
          // Mostly near the start, where headers and lengths live.
          int at = rng.nextInt(Math.min(mutated.length, rng.nextBoolean() ? 64 : mutated.length));
          mutated[at] = (byte) rng.nextInt(256);
        }
        byte[] input = rng.nextInt(3) == 0 ? Arrays.copyOf(mutated, rng.nextInt(mutated.length + 1)) : mutated;
        String what = seed[0] + " #" + i;
        if (input.length == 0) {
          continue;
        }
        assertClean(Tool.run("decode", seed[0], "--hex", Tool.hex(input)), what);
      }
    }
  }

  @Test
  void randomBytesEverywhere() {
    Random rng = new Random(SEED + 1);
    List<String> commands = List.of("batcher-tx", "frames", "channel", "blob", "l1-info", "tx");
    for (int i = 0; i < 200; i++) {
      byte[] input = new byte[1 + rng.nextInt(300)];
      rng.nextBytes(input);
      String command = commands.get(i % commands.size());
      assertClean(Tool.run("decode", command, "--hex", Tool.hex(input)), command + " random #" + i);
    }
  }

  @Test
  void mutatedBlockJson() {
    Random rng = new Random(SEED + 2);
    JsonNode block = Tool.json("h-l2-blocks/hildr/op-sepolia-11065316.eth_getBlockByNumber.json").get("result");
    List<String> fields = new ArrayList<>();
    block.fieldNames().forEachRemaining(fields::add);
    String[] junk = {"0x", "0xzz", "12", "-1", "0x" + "f".repeat(80), "null", "true", "[]", "{}"};
    for (int i = 0; i < 60; i++) {
      ObjectNode copy = block.deepCopy();
      String field = fields.get(rng.nextInt(fields.size()));
      String value = junk[rng.nextInt(junk.length)];
      String json = copy.toString().replace("\"" + field + "\":" + copy.get(field).toString(),
          "\"" + field + "\":" + (value.startsWith("0x") ? "\"" + value + "\"" : value));
      Path file = Tool.writeText(dir, "m" + i + ".json", json);
      assertClean(Tool.run("block-hash", "--file", file.toString()), field + "=" + value);
    }
  }
}
