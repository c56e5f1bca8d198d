package dev.basalt.cli.tools;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.json.RpcBlock;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt block-hash}: recomputes a block's hash (and roots) from its JSON. */
@Command(
    name = "block-hash",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes a block's hash and transactions root from its JSON.",
      "The input is an eth_getBlockByNumber result (full transactions or hashes), a header alone, or the"
          + " whole JSON-RPC response. Every fork's fields are taken: baseFeePerGas, withdrawalsRoot, the"
          + " blob gas fields, parentBeaconBlockRoot, requestsHash.",
      "With full (or raw) transactions the transactions root is recomputed - deposits included, rebuilt"
          + " from their JSON fields - and every transaction's hash is checked against its 'hash' field;"
          + " with a non-empty withdrawals list (L1) the withdrawals root too."
    },
    footer = {
      "",
      "Examples:",
      "  basalt block-hash --file block.json",
      "  cast rpc eth_getBlockByNumber 0x7fe52f true | basalt block-hash --file - --check",
      "",
      "Output: {number, hash, expectedHash?, match?, forkFields, header,",
      "  transactions: {form, count, transactionsRoot?, headerTransactionsRoot?,",
      "    match?, hashesChecked?, hashMismatches?},",
      "  withdrawals?: {count, withdrawalsRoot, headerWithdrawalsRoot, match}}",
      "Exit codes: 0 computed, 1 with --check when a hash or root does not match,",
      "  2 unreadable JSON or a malformed field (the message names its path)."
    })
public final class BlockHashCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "The block JSON; '-' reads standard input.")
  Path file;

  @Option(names = "--check", description = "Exit with 1 when the hash, the transactions root, a transaction hash or"
      + " the withdrawals root does not match the JSON.")
  boolean check;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      RpcBlock block = RpcBlock.parse(readJson());
      Hash32 hash = block.header().hash();
      ObjectNode out = ToolJson.object();
      ToolJson.putU64(out, "number", block.header().number());
      out.put("hash", hash.toHex());
      boolean allMatch = true;
      if (block.declaredHash() != null) {
        out.put("expectedHash", block.declaredHash().toHex());
        out.put("match", hash.equals(block.declaredHash()));
        allMatch = hash.equals(block.declaredHash());
      }
      ArrayNode forkFields = out.putArray("forkFields");
      block.forkFields().forEach(forkFields::add);
      out.set("header", HeaderJson.render(block.header()));
      allMatch &= transactions(out.putObject("transactions"), block);
      if (block.withdrawals() != null && !block.withdrawals().isEmpty()) {
        allMatch &= withdrawals(out.putObject("withdrawals"), block);
      }
      return new ToolRun.Result(out, check && !allMatch ? ToolExit.MISMATCH : ToolExit.OK);
    });
  }

  private JsonNode readJson() throws IOException {
    String source = "--file " + file;
    byte[] content = DataInput.readAll(file, source);
    if (content.length == 0) {
      throw new BadInputException(source + ": file is empty");
    }
    try {
      return MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadInputException(source + ": not JSON" + where + ": " + ToolRun.oneLine(e.getOriginalMessage()));
    }
  }

  /** Fills the transactions section; false when a recomputed root or hash disagrees with the JSON. */
  private static boolean transactions(ObjectNode out, RpcBlock block) {
    out.put("form", block.txForm().name().toLowerCase(Locale.ROOT));
    out.put("count", block.transactions().size());
    if (block.txForm() == RpcBlock.TxForm.NONE || block.txForm() == RpcBlock.TxForm.HASHES) {
      out.put("note", block.txForm() == RpcBlock.TxForm.NONE
          ? "no transactions in the JSON: the transactions root is not recomputed"
          : "only transaction hashes in the JSON: the transactions root is not recomputed");
      return true;
    }
    List<Bytes> envelopes = new ArrayList<>();
    ArrayNode mismatches = ToolJson.array();
    int checked = 0;
    for (RpcBlock.Tx tx : block.transactions()) {
      envelopes.add(tx.envelope());
      if (tx.declaredHash() != null) {
        checked++;
        Hash32 computed = Keccak.hash(tx.envelope());
        if (!computed.equals(tx.declaredHash())) {
          ObjectNode m = mismatches.addObject();
          m.put("index", tx.index());
          m.put("expected", tx.declaredHash().toHex());
          m.put("computed", computed.toHex());
        }
      }
    }
    Hash32 root = OrderedTrie.root(envelopes);
    Hash32 expected = block.header().transactionsRoot();
    out.put("transactionsRoot", root.toHex());
    out.put("headerTransactionsRoot", expected.toHex());
    out.put("match", root.equals(expected));
    if (block.txForm() == RpcBlock.TxForm.FULL) {
      out.put("hashesChecked", checked);
      out.set("hashMismatches", mismatches);
    }
    return root.equals(expected) && mismatches.isEmpty();
  }

  private static boolean withdrawals(ObjectNode out, RpcBlock block) {
    List<Bytes> items = new ArrayList<>();
    for (Withdrawal w : block.withdrawals()) {
      items.add(w.encode());
    }
    Hash32 root = OrderedTrie.root(items);
    Hash32 expected = block.header().withdrawalsRoot();
    out.put("count", items.size());
    out.put("withdrawalsRoot", root.toHex());
    out.put("headerWithdrawalsRoot", expected == null ? null : expected.toHex());
    out.put("match", root.equals(expected));
    return root.equals(expected);
  }
}
