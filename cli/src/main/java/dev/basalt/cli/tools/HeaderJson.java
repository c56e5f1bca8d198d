package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.block.BlockHeader;

/** A block header as JSON, with the JSON-RPC field names and only the fields the header has. */
final class HeaderJson {
  private HeaderJson() {}

  static ObjectNode render(BlockHeader h) {
    ObjectNode out = ToolJson.object();
    out.put("parentHash", h.parentHash().toHex());
    out.put("sha3Uncles", h.ommersHash().toHex());
    out.put("miner", h.beneficiary().toHex());
    out.put("stateRoot", h.stateRoot().toHex());
    out.put("transactionsRoot", h.transactionsRoot().toHex());
    out.put("receiptsRoot", h.receiptsRoot().toHex());
    out.put("logsBloom", h.logsBloom().toHex());
    out.put("difficulty", h.difficulty());
    ToolJson.putU64(out, "number", h.number());
    ToolJson.putU64(out, "gasLimit", h.gasLimit());
    ToolJson.putU64(out, "gasUsed", h.gasUsed());
    ToolJson.putU64(out, "timestamp", h.timestamp());
    out.put("extraData", h.extraData().toHex());
    out.put("mixHash", h.mixHash().toHex());
    out.put("nonce", h.nonce().toHex());
    if (h.baseFeePerGas() != null) {
      out.put("baseFeePerGas", h.baseFeePerGas());
    }
    if (h.withdrawalsRoot() != null) {
      out.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
    }
    if (h.blobGasUsed() != null) {
      ToolJson.putU64(out, "blobGasUsed", h.blobGasUsed());
      ToolJson.putU64(out, "excessBlobGas", h.excessBlobGas());
      out.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
    }
    if (h.requestsHash() != null) {
      out.put("requestsHash", h.requestsHash().toHex());
    }
    return out;
  }
}
