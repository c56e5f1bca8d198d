package dev.basalt.adapters.json;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Block headers from JSON-RPC block objects ({@code eth_getBlockByNumber}, {@code
 * eth_getHeaderByNumber}) of any fork, L1 or OP Stack L2. Fork fields are taken when present:
 * {@code baseFeePerGas} (London), {@code withdrawalsRoot} (Shanghai), {@code blobGasUsed}, {@code
 * excessBlobGas}, {@code parentBeaconBlockRoot} (Cancun), {@code requestsHash} (Prague; OP
 * Isthmus). Fields a header does not hash ({@code hash}, {@code size}, {@code totalDifficulty},
 * ...) are ignored.
 */
public final class RpcHeaders {
  /** The fork fields in header order: each needs all the ones before it. */
  public static final List<String> FORK_FIELDS = List.of(
      "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash");

  private RpcHeaders() {}

  /**
   * The header of {@code block}.
   *
   * @throws JsonFormatException for a missing or malformed field, or fork fields that no fork has
   *     together (a later one without an earlier one)
   */
  public static BlockHeader header(RpcObject block) {
    Bytes bloom = block.data("logsBloom", Bloom.LENGTH);
    Bytes nonce = block.data("nonce", 8);
    List<String> present = presentForkFields(block);
    try {
      return new BlockHeader(
          block.hash("parentHash"),
          block.hash("sha3Uncles"),
          block.address("miner"),
          block.hash("stateRoot"),
          block.hash("transactionsRoot"),
          block.hash("receiptsRoot"),
          Bloom.wrap(bloom.toArray()),
          block.quantity("difficulty"),
          block.u64("number"),
          block.u64("gasLimit"),
          block.u64("gasUsed"),
          block.u64("timestamp"),
          block.data("extraData"),
          block.hash("mixHash"),
          nonce,
          block.optionalQuantity("baseFeePerGas"),
          block.optionalHash("withdrawalsRoot"),
          block.optionalU64("blobGasUsed"),
          block.optionalU64("excessBlobGas"),
          block.optionalHash("parentBeaconBlockRoot"),
          block.optionalHash("requestsHash"));
    } catch (IllegalArgumentException e) {
      String where = block.path().isEmpty() ? "" : block.path() + ": ";
      throw new JsonFormatException(where + "header fork fields " + present + " do not form a fork's header: "
          + e.getMessage());
    }
  }

  /** The fork fields {@code block} carries, in header order. */
  public static List<String> presentForkFields(RpcObject block) {
    List<String> out = new ArrayList<>();
    for (String f : FORK_FIELDS) {
      if (block.has(f)) {
        out.add(f);
      }
    }
    return out;
  }
}
