package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Map;

/**
 * The L1 reads of the runtime config: the {@code latest} block (checked as head polls check it)
 * and {@code eth_getStorageAt} pinned to that block by hash (EIP-1898), so all words of one load
 * come from the same block even if the head moves or reorgs meanwhile.
 */
final class RuntimeConfigReads {
  private final L1BlockFetcher labels;
  private final JsonRpcClient rpc;

  RuntimeConfigReads(L1BlockFetcher labels, JsonRpcClient rpc) {
    this.labels = labels;
    this.rpc = rpc;
  }

  L1BlockRef latest(String label) throws CallFailure {
    return labels.fetchLabel(label);
  }

  Hash32 storageAt(Address contract, Hash32 slot, L1BlockRef at) throws CallFailure {
    JsonNode word = rpc.call("eth_getStorageAt", List.of(contract.toHex(), slot.toHex(), Map.of("blockHash", at.hash().toHex())));
    return word(word, contract, slot);
  }

  /** A storage word as geth writes it: {@code 0x} and up to 64 hex digits (shorter means leading zeros). */
  static Hash32 word(JsonNode word, Address contract, Hash32 slot) throws CallFailure {
    String text = word == null || !word.isTextual() ? "" : word.asText();
    String digits = text.startsWith("0x") ? text.substring(2) : "";
    if (digits.isEmpty() || digits.length() > 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw CallFailure.invalid("eth_getStorageAt(" + contract + ", " + slot + "): not a storage word: " + word);
    }
    return Hash32.fromHex("0".repeat(64 - digits.length()) + digits);
  }
}
