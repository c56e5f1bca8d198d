package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.config.Fork;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.upgrade.EcotoneUpgrade;
import dev.basalt.core.upgrade.FjordUpgrade;
import dev.basalt.core.upgrade.IsthmusUpgrade;
import dev.basalt.core.upgrade.JovianUpgrade;
import dev.basalt.core.upgrade.KarstUpgrade;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders deposited transactions (0x7E). A source hash cannot be inverted, but two kinds can be
 * recognised from the transaction alone: an L1-attributes deposit (its calldata holds the L1
 * block hash and sequence number the source hash commits to) and a network-upgrade deposit (its
 * source hash is one of the known upgrade transactions').
 */
final class DepositJson {
  private DepositJson() {}

  static ObjectNode render(DepositTransaction d) {
    ObjectNode out = ToolJson.object();
    out.put("type", "deposit");
    out.put("typeByte", DepositTransaction.TYPE);
    out.put("hash", d.txHash().toHex());
    out.put("from", d.from().toHex());
    out.put("to", d.to() == null ? null : d.to().toHex());
    out.put("mint", d.mint());
    out.put("value", d.value());
    ToolJson.putU64(out, "gasLimit", d.gasLimit());
    out.put("isSystemTx", d.isSystemTx());
    out.put("dataLength", d.data().length());
    out.put("data", d.data().toHex());
    out.put("sourceHash", d.sourceHash().toHex());
    byte[] data = d.data().toArray();
    L1BlockInfo info = null;
    if (L1InfoJson.looksLikeL1Info(data)) {
      try {
        info = L1InfoJson.decode(data, "data");
      } catch (BadInputException e) {
        out.put("l1InfoError", e.getMessage());
      }
    }
    out.set("source", source(d, info));
    if (info != null) {
      out.set("l1Info", L1InfoJson.render(info));
    }
    return out;
  }

  private static ObjectNode source(DepositTransaction d, L1BlockInfo info) {
    ObjectNode out = ToolJson.object();
    if (info != null) {
      boolean matches = SourceHash.l1Info(info.blockHash(), info.sequenceNumber()).equals(d.sourceHash());
      out.put("domain", matches ? "l1-info" : "unknown");
      out.put("sourceHashMatchesL1Info", matches);
      return out;
    }
    for (Map.Entry<Fork, List<DepositTransaction>> upgrade : upgrades().entrySet()) {
      List<DepositTransaction> txs = upgrade.getValue();
      for (int i = 0; i < txs.size(); i++) {
        if (txs.get(i).sourceHash().equals(d.sourceHash())) {
          out.put("domain", "upgrade");
          out.put("fork", upgrade.getKey().name().toLowerCase(Locale.ROOT));
          out.put("index", i);
          out.put("identicalToSpec", txs.get(i).equals(d));
          return out;
        }
      }
    }
    out.put("domain", "unknown");
    out.put("note", "a user deposit's source hash commits to an L1 block hash and log index, which the"
        + " transaction does not carry");
    return out;
  }

  /** The upgrade deposits the core knows, by fork in activation order. */
  private static Map<Fork, List<DepositTransaction>> upgrades() {
    Map<Fork, List<DepositTransaction>> out = new LinkedHashMap<>();
    out.put(Fork.ECOTONE, EcotoneUpgrade.transactions());
    out.put(Fork.FJORD, FjordUpgrade.transactions());
    out.put(Fork.ISTHMUS, IsthmusUpgrade.transactions());
    out.put(Fork.JOVIAN, JovianUpgrade.transactions());
    out.put(Fork.KARST, KarstUpgrade.transactions());
    return out;
  }
}
