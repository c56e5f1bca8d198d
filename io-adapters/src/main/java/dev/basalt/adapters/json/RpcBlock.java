package dev.basalt.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block as a JSON-RPC node returns it: {@code eth_getBlockByNumber} with full transaction
 * objects or only their hashes, a header alone ({@code eth_getHeaderByNumber}), or a whole
 * JSON-RPC response around one of those ({@code {"jsonrpc", "id", "result"}}). Transactions may
 * also be raw EIP-2718 hex strings, as execution payloads carry them.
 *
 * @param header the header the block's fields describe
 * @param declaredHash the block's {@code hash} field, or null when it has none
 * @param txForm how the block lists its transactions
 * @param transactions one entry per listed transaction (empty for {@link TxForm#NONE})
 * @param withdrawals the {@code withdrawals} list, or null when the block has none
 * @param forkFields the fork fields present, in header order
 */
public record RpcBlock(
    BlockHeader header,
    Hash32 declaredHash,
    TxForm txForm,
    List<Tx> transactions,
    List<Withdrawal> withdrawals,
    List<String> forkFields) {

  /** How a block lists its transactions. */
  public enum TxForm {
    /** No {@code transactions} field: a header. */
    NONE,
    /** 32-byte hashes only: the transactions root cannot be recomputed. */
    HASHES,
    /** Full transaction objects (or an empty list). */
    FULL,
    /** Raw EIP-2718 envelopes as hex strings. */
    RAW
  }

  /**
   * One listed transaction.
   *
   * @param declaredHash the hash the JSON gives (the object's {@code hash}, or the listed hash), or null
   * @param envelope the EIP-2718 envelope, or null when only the hash is listed
   */
  public record Tx(int index, Hash32 declaredHash, Bytes envelope) {}

  public RpcBlock {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(txForm, "txForm");
    transactions = List.copyOf(transactions);
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
    forkFields = List.copyOf(forkFields);
  }

  /**
   * Reads a block document.
   *
   * @throws JsonFormatException naming the first field that does not fit
   */
  public static RpcBlock parse(JsonNode document) {
    RpcObject root = new RpcObject(document, "");
    RpcObject block = root;
    if (root.has("result")) {
      block = new RpcObject(root.raw("result"), "result");
    } else if (root.has("jsonrpc") && root.has("error")) {
      throw new JsonFormatException("error: the document is a JSON-RPC error response: " + root.raw("error"));
    }
    BlockHeader header = RpcHeaders.header(block);
    Hash32 declared = block.optionalHash("hash");
    List<Tx> txs = new ArrayList<>();
    TxForm form = block.has("transactions") ? transactions(block, txs) : TxForm.NONE;
    List<Withdrawal> withdrawals = block.has("withdrawals") ? withdrawals(block) : null;
    return new RpcBlock(header, declared, form, txs, withdrawals, RpcHeaders.presentForkFields(block));
  }

  private static TxForm transactions(RpcObject block, List<Tx> out) {
    JsonNode list = block.array("transactions");
    TxForm form = TxForm.FULL;
    for (int i = 0; i < list.size(); i++) {
      String path = block.fieldPath("transactions") + "[" + i + "]";
      JsonNode item = list.get(i);
      TxForm itemForm = item.isObject() ? TxForm.FULL : item.isTextual() && isHash(item) ? TxForm.HASHES : TxForm.RAW;
      if (i > 0 && itemForm != form) {
        throw new JsonFormatException(path + ": the list mixes " + name(form) + " and " + name(itemForm));
      }
      form = itemForm;
      out.add(switch (itemForm) {
        case FULL -> {
          RpcObject tx = new RpcObject(item, path);
          yield new Tx(i, tx.optionalHash("hash"), RpcTransactions.envelope(tx));
        }
        case HASHES -> new Tx(i, RpcObject.hash(item, path), null);
        default -> new Tx(i, null, Bytes.wrapOwned(RpcObject.hexBytes(item, path)));
      });
    }
    return form;
  }

  private static boolean isHash(JsonNode item) {
    String s = item.textValue().strip();
    return s.length() == 2 + 2 * Hash32.LENGTH && (s.startsWith("0x") || s.startsWith("0X"));
  }

  private static String name(TxForm form) {
    return switch (form) {
      case FULL -> "transaction objects";
      case HASHES -> "transaction hashes";
      case RAW -> "raw transactions";
      case NONE -> "nothing";
    };
  }

  private static List<Withdrawal> withdrawals(RpcObject block) {
    JsonNode list = block.array("withdrawals");
    List<Withdrawal> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      RpcObject w = new RpcObject(list.get(i), block.fieldPath("withdrawals") + "[" + i + "]");
      out.add(new Withdrawal(w.u64("index"), w.u64("validatorIndex"), w.address("address"), w.u64("amount")));
    }
    return out;
  }
}
