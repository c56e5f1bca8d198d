package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Per-fork engine values for the tests, and an independent JSON rendering to compare against. */
final class EngineFixtures {
  /** The fork eras that change an engine call's shape, with op-node's method versions (SPEC-MAP §6). */
  enum Era {
    BEDROCK(1, 2, 2),
    CANYON(2, 2, 2),
    ECOTONE(3, 3, 3),
    HOLOCENE(3, 3, 3),
    ISTHMUS(3, 4, 4),
    JOVIAN(3, 4, 4),
    KARST(3, 4, 5);

    final int forkchoiceVersion;
    final int newPayloadVersion;
    final int getPayloadVersion;

    Era(int forkchoiceVersion, int newPayloadVersion, int getPayloadVersion) {
      this.forkchoiceVersion = forkchoiceVersion;
      this.newPayloadVersion = newPayloadVersion;
      this.getPayloadVersion = getPayloadVersion;
    }

    boolean atLeast(Era other) {
      return compareTo(other) >= 0;
    }
  }

  private EngineFixtures() {}

  static Hash32 hash(SimRng rng) {
    return Hash32.wrap(rng.bytes(32));
  }

  static Address address(SimRng rng) {
    return Address.wrap(rng.bytes(20));
  }

  static List<Bytes> txs(SimRng rng) {
    List<Bytes> txs = new ArrayList<>();
    txs.add(Bytes.wrapOwned(rng.bytes(1 + rng.nextInt(300))));
    for (int i = rng.nextInt(4); i > 0; i--) {
      txs.add(Bytes.wrapOwned(rng.bytes(1 + rng.nextInt(3000))));
    }
    return txs;
  }

  static PayloadAttributes attributes(SimRng rng, Era era) {
    return new PayloadAttributes(
        rng.between(1, Long.MAX_VALUE), hash(rng), address(rng),
        era.atLeast(Era.CANYON) ? Optional.of(List.of()) : Optional.empty(),
        era.atLeast(Era.ECOTONE) ? Optional.of(hash(rng)) : Optional.empty(),
        txs(rng), rng.nextBoolean(), rng.between(1, 1L << 40),
        era.atLeast(Era.HOLOCENE) ? Optional.of(Bytes.wrapOwned(rng.bytes(8))) : Optional.empty(),
        era.atLeast(Era.JOVIAN) ? OptionalLong.of(rng.nextLong()) : OptionalLong.empty());
  }

  static ExecutionPayload payload(SimRng rng, Era era) {
    return new ExecutionPayload(
        hash(rng), address(rng), hash(rng), hash(rng), Bytes.wrapOwned(rng.bytes(256)), hash(rng),
        rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong(), Bytes.wrapOwned(rng.bytes(rng.nextInt(33))),
        new BigInteger(1, rng.bytes(1 + rng.nextInt(32))), hash(rng), txs(rng),
        era.atLeast(Era.CANYON) ? Optional.of(withdrawals(rng)) : Optional.empty(),
        era.atLeast(Era.ECOTONE) ? OptionalLong.of(rng.nextLong()) : OptionalLong.empty(),
        era.atLeast(Era.ECOTONE) ? OptionalLong.of(rng.nextLong()) : OptionalLong.empty(),
        era.atLeast(Era.ISTHMUS) ? Optional.of(hash(rng)) : Optional.empty());
  }

  /** OP payloads carry none, but the JSON must still carry whatever is there. */
  private static List<Withdrawal> withdrawals(SimRng rng) {
    List<Withdrawal> list = new ArrayList<>();
    for (int i = rng.nextInt(3); i > 0; i--) {
      list.add(new Withdrawal(rng.nextLong(), rng.nextLong(), address(rng), rng.nextLong()));
    }
    return list;
  }

  static String q(long u64) {
    return "0x" + Long.toUnsignedString(u64, 16);
  }

  /** The payload as op-geth would print it, built field by field here, not by the adapter's writer. */
  static ObjectNode payloadJson(ExecutionPayload p) {
    ObjectNode o = StubEngine.JSON.createObjectNode();
    o.put("parentHash", p.parentHash().toHex());
    o.put("feeRecipient", p.feeRecipient().toHex());
    o.put("stateRoot", p.stateRoot().toHex());
    o.put("receiptsRoot", p.receiptsRoot().toHex());
    o.put("logsBloom", p.logsBloom().toHex());
    o.put("prevRandao", p.prevRandao().toHex());
    o.put("blockNumber", q(p.blockNumber()));
    o.put("gasLimit", q(p.gasLimit()));
    o.put("gasUsed", q(p.gasUsed()));
    o.put("timestamp", q(p.timestamp()));
    o.put("extraData", p.extraData().toHex());
    o.put("baseFeePerGas", "0x" + p.baseFeePerGas().toString(16));
    o.put("blockHash", p.blockHash().toHex());
    ArrayNode txs = o.putArray("transactions");
    p.transactions().forEach(tx -> txs.add(tx.toHex()));
    p.withdrawals().ifPresent(list -> {
      ArrayNode ws = o.putArray("withdrawals");
      for (Withdrawal w : list) {
        ws.addObject().put("index", q(w.index())).put("validatorIndex", q(w.validatorIndex()))
            .put("address", w.address().toHex()).put("amount", q(w.amountGwei()));
      }
    });
    p.blobGasUsed().ifPresent(v -> o.put("blobGasUsed", q(v)));
    p.excessBlobGas().ifPresent(v -> o.put("excessBlobGas", q(v)));
    p.withdrawalsRoot().ifPresent(h -> o.put("withdrawalsRoot", h.toHex()));
    return o;
  }

  /** {@code vectors/<path>} from the testdata jar. */
  static JsonNode vector(String path) {
    String resource = "/vectors/" + path;
    try (InputStream in = EngineFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + resource);
      }
      return StubEngine.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
