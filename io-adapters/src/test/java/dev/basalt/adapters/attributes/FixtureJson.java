package dev.basalt.adapters.attributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Unsigned;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the testdata jar's vectors and the RPC-style JSON they hold (headers, hex quantities, transaction lists). */
final class FixtureJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private FixtureJson() {}

  /** {@code vectors/<path>} from the testdata jar. */
  static JsonNode vector(String path) {
    String resource = "/vectors/" + path;
    try (InputStream in = FixtureJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long u64(JsonNode n) {
    return Unsigned.parse(n.asText());
  }

  static Hash32 hash(JsonNode n) {
    return Hash32.fromHex(n.asText());
  }

  static Bytes bytes(JsonNode n) {
    return Bytes.fromHex(n.asText());
  }

  static List<Bytes> byteList(JsonNode array) {
    List<Bytes> out = new ArrayList<>();
    array.forEach(t -> out.add(bytes(t)));
    return out;
  }

  /** A Cancun-shaped L2 header (what every fixture's {@code parent_header} is). */
  static BlockHeader header(JsonNode h) {
    return new BlockHeader(hash(h.get("parentHash")), hash(h.get("sha3Uncles")), Address.fromHex(h.get("miner").asText()),
        hash(h.get("stateRoot")), hash(h.get("transactionsRoot")), hash(h.get("receiptsRoot")),
        Bloom.fromHex(h.get("logsBloom").asText()), new BigInteger(h.get("difficulty").asText().substring(2), 16),
        u64(h.get("number")), u64(h.get("gasLimit")), u64(h.get("gasUsed")), u64(h.get("timestamp")), bytes(h.get("extraData")),
        hash(h.get("mixHash")), bytes(h.get("nonce")), new BigInteger(h.get("baseFeePerGas").asText().substring(2), 16),
        hash(h.get("withdrawalsRoot")), u64(h.get("blobGasUsed")), u64(h.get("excessBlobGas")),
        hash(h.get("parentBeaconBlockRoot")), h.has("requestsHash") ? hash(h.get("requestsHash")) : null);
  }

  /**
   * The execution payload of the block {@code header} describes, with {@code transactions} as its
   * body. Pre-Isthmus OP blocks: empty withdrawals (their root is the empty trie root, checked by
   * the caller), no withdrawals root field in the payload.
   */
  static ExecutionPayload payload(BlockHeader header, List<Bytes> transactions) {
    return new ExecutionPayload(header.parentHash(), header.beneficiary(), header.stateRoot(), header.receiptsRoot(),
        Bytes.of(header.logsBloom().toArray()), header.mixHash(), header.number(), header.gasLimit(), header.gasUsed(),
        header.timestamp(), header.extraData(), header.baseFeePerGas(), header.hash(), transactions, Optional.of(List.of()),
        OptionalLong.of(header.blobGasUsed()), OptionalLong.of(header.excessBlobGas()), Optional.empty());
  }
}
