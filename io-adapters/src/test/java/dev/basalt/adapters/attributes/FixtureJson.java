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

  /** A header from an RPC block or header object; fork fields are taken when present. */
  static BlockHeader header(JsonNode h) {
    return new BlockHeader(hash(h.get("parentHash")), hash(h.get("sha3Uncles")), Address.fromHex(h.get("miner").asText()),
        hash(h.get("stateRoot")), hash(h.get("transactionsRoot")), hash(h.get("receiptsRoot")),
        Bloom.fromHex(h.get("logsBloom").asText()), quantity(h.get("difficulty")), u64(h.get("number")), u64(h.get("gasLimit")),
        u64(h.get("gasUsed")), u64(h.get("timestamp")), bytes(h.get("extraData")), hash(h.get("mixHash")), bytes(h.get("nonce")),
        h.has("baseFeePerGas") ? quantity(h.get("baseFeePerGas")) : null, h.has("withdrawalsRoot") ? hash(h.get("withdrawalsRoot")) : null,
        h.has("blobGasUsed") ? u64(h.get("blobGasUsed")) : null, h.has("excessBlobGas") ? u64(h.get("excessBlobGas")) : null,
        h.has("parentBeaconBlockRoot") ? hash(h.get("parentBeaconBlockRoot")) : null,
        h.has("requestsHash") ? hash(h.get("requestsHash")) : null);
  }

  static BigInteger quantity(JsonNode n) {
    return new BigInteger(n.asText().substring(2), 16);
  }

  /**
   * The execution payload of the OP block {@code header} describes, with {@code transactions} as
   * its body: empty withdrawals from Shanghai (Canyon) on, blob gas fields from Cancun (Ecotone)
   * on, no withdrawals root field (pre-Isthmus blocks only).
   */
  static ExecutionPayload payload(BlockHeader header, List<Bytes> transactions) {
    if (header.withdrawalsRoot() != null && header.requestsHash() != null) {
      throw new IllegalArgumentException("Isthmus payloads carry the withdrawals root; not needed here");
    }
    boolean cancun = header.blobGasUsed() != null;
    return new ExecutionPayload(header.parentHash(), header.beneficiary(), header.stateRoot(), header.receiptsRoot(),
        Bytes.of(header.logsBloom().toArray()), header.mixHash(), header.number(), header.gasLimit(), header.gasUsed(),
        header.timestamp(), header.extraData(), header.baseFeePerGas(), header.hash(), transactions,
        header.withdrawalsRoot() != null ? Optional.of(List.of()) : Optional.empty(),
        cancun ? OptionalLong.of(header.blobGasUsed()) : OptionalLong.empty(),
        cancun ? OptionalLong.of(header.excessBlobGas()) : OptionalLong.empty(), Optional.empty());
  }
}
