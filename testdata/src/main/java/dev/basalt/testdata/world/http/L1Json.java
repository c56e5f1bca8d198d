package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.testdata.world.l1.L1Tx;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.math.BigInteger;

/** L1 blocks, transactions and receipts in go-ethereum's JSON-RPC shapes. */
final class L1Json {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private L1Json() {}

  static ObjectNode block(MinedL1Block b, boolean fullTxs) {
    BlockHeader h = b.header();
    ObjectNode o = F.objectNode();
    o.put("number", Quantity.of(h.number()));
    o.put("hash", b.hash().toHex());
    o.put("parentHash", h.parentHash().toHex());
    o.put("sha3Uncles", h.ommersHash().toHex());
    o.put("miner", h.beneficiary().toHex());
    o.put("stateRoot", h.stateRoot().toHex());
    o.put("transactionsRoot", h.transactionsRoot().toHex());
    o.put("receiptsRoot", h.receiptsRoot().toHex());
    o.put("logsBloom", h.logsBloom().toHex());
    o.put("difficulty", Quantity.of(h.difficulty()));
    o.put("gasLimit", Quantity.of(h.gasLimit()));
    o.put("gasUsed", Quantity.of(h.gasUsed()));
    o.put("timestamp", Quantity.of(h.timestamp()));
    o.put("extraData", h.extraData().toHex());
    o.put("mixHash", h.mixHash().toHex());
    o.put("nonce", h.nonce().toHex());
    o.put("baseFeePerGas", Quantity.of(h.baseFeePerGas()));
    if (h.withdrawalsRoot() != null) {
      o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
    }
    if (h.blobGasUsed() != null) {
      o.put("blobGasUsed", Quantity.of(h.blobGasUsed()));
      o.put("excessBlobGas", Quantity.of(h.excessBlobGas()));
      o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
    }
    if (h.requestsHash() != null) {
      o.put("requestsHash", h.requestsHash().toHex());
    }
    long size = h.encode().length;
    ArrayNode txs = o.putArray("transactions");
    for (int i = 0; i < b.transactions().size(); i++) {
      L1Tx tx = b.transactions().get(i);
      size += tx.envelope().length();
      if (fullTxs) {
        txs.add(transaction(b, i));
      } else {
        txs.add(tx.hash().toHex());
      }
    }
    o.put("size", Quantity.of(size));
    o.putArray("uncles");
    if (h.withdrawalsRoot() != null) {
      ArrayNode ws = o.putArray("withdrawals");
      for (Withdrawal w : b.withdrawals()) {
        ObjectNode wo = ws.addObject();
        wo.put("index", Quantity.of(w.index()));
        wo.put("validatorIndex", Quantity.of(w.validatorIndex()));
        wo.put("address", w.address().toHex());
        wo.put("amount", Quantity.of(w.amountGwei()));
      }
    }
    return o;
  }

  static ObjectNode transaction(MinedL1Block b, int index) {
    L1Tx l1tx = b.transactions().get(index);
    Transaction tx = l1tx.tx();
    ObjectNode o = F.objectNode();
    o.put("blockHash", b.hash().toHex());
    o.put("blockNumber", Quantity.of(b.number()));
    o.put("from", l1tx.from().toHex());
    o.put("gas", Quantity.of(tx.gasLimit()));
    o.put("gasPrice", Quantity.of(effectiveGasPrice(b, tx)));
    if (tx.type() != TxType.LEGACY && tx.type() != TxType.ACCESS_LIST) {
      o.put("maxFeePerGas", Quantity.of(tx.maxFeePerGas()));
      o.put("maxPriorityFeePerGas", Quantity.of(tip(tx)));
    }
    if (tx instanceof dev.basalt.core.tx.BlobTx blob) {
      o.put("maxFeePerBlobGas", Quantity.of(blob.maxFeePerBlobGas()));
    }
    o.put("hash", l1tx.hash().toHex());
    o.put("input", tx.data().toHex());
    o.put("nonce", Quantity.of(tx.nonce()));
    if (tx.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", tx.to().toHex());
    }
    o.put("transactionIndex", Quantity.of(index));
    o.put("value", Quantity.of(tx.value()));
    o.put("type", Quantity.of(tx.type().typeByte()));
    if (tx.type() != TxType.LEGACY) {
      ArrayNode al = o.putArray("accessList");
      tx.accessList().forEach(t -> {
        ObjectNode e = al.addObject();
        e.put("address", t.address().toHex());
        ArrayNode keys = e.putArray("storageKeys");
        t.storageKeys().forEach(k -> keys.add(k.toHex()));
      });
    }
    if (tx.chainId() != null) {
      o.put("chainId", Quantity.of(tx.chainId()));
    }
    if (tx.type() == TxType.BLOB) {
      ArrayNode hashes = o.putArray("blobVersionedHashes");
      tx.blobVersionedHashes().forEach(h -> hashes.add(h.toHex()));
    }
    if (tx.type() == TxType.SET_CODE) {
      ArrayNode auths = o.putArray("authorizationList");
      for (Authorization a : tx.authorizationList()) {
        ObjectNode ao = auths.addObject();
        ao.put("chainId", Quantity.of(a.chainId()));
        ao.put("address", a.address().toHex());
        ao.put("nonce", Quantity.of(a.nonce()));
        ao.put("yParity", Quantity.of(a.yParity()));
        ao.put("r", Quantity.of(a.r()));
        ao.put("s", Quantity.of(a.s()));
      }
    }
    BigInteger v = tx instanceof LegacyTx legacy ? legacy.v() : BigInteger.valueOf(tx.signature().yParity());
    o.put("v", Quantity.of(v));
    o.put("r", Quantity.of(tx.signature().r()));
    o.put("s", Quantity.of(tx.signature().s()));
    if (tx.type() != TxType.LEGACY) {
      o.put("yParity", Quantity.of(tx.signature().yParity()));
    }
    return o;
  }

  private static BigInteger tip(Transaction tx) {
    return switch (tx) {
      case dev.basalt.core.tx.DynamicFeeTx d -> d.maxPriorityFeePerGas();
      case dev.basalt.core.tx.BlobTx d -> d.maxPriorityFeePerGas();
      case dev.basalt.core.tx.SetCodeTx d -> d.maxPriorityFeePerGas();
      default -> tx.maxFeePerGas();
    };
  }

  private static BigInteger effectiveGasPrice(MinedL1Block b, Transaction tx) {
    if (tx.type() == TxType.LEGACY || tx.type() == TxType.ACCESS_LIST) {
      return tx.maxFeePerGas();
    }
    return tx.maxFeePerGas().min(b.header().baseFeePerGas().add(tip(tx)));
  }

  static ObjectNode receipt(MinedL1Block b, int index) {
    L1Tx l1tx = b.transactions().get(index);
    Receipt r = b.receipts().get(index);
    long previous = index == 0 ? 0 : b.receipts().get(index - 1).cumulativeGasUsed();
    ObjectNode o = F.objectNode();
    o.put("blockHash", b.hash().toHex());
    o.put("blockNumber", Quantity.of(b.number()));
    o.putNull("contractAddress");
    o.put("cumulativeGasUsed", Quantity.of(r.cumulativeGasUsed()));
    o.put("effectiveGasPrice", Quantity.of(effectiveGasPrice(b, l1tx.tx())));
    o.put("from", l1tx.from().toHex());
    o.put("gasUsed", Quantity.of(r.cumulativeGasUsed() - previous));
    ArrayNode logs = o.putArray("logs");
    long logIndex = b.firstLogIndex(index);
    for (Log log : r.logs()) {
      ObjectNode lo = logs.addObject();
      lo.put("address", log.address().toHex());
      ArrayNode topics = lo.putArray("topics");
      for (Hash32 t : log.topics()) {
        topics.add(t.toHex());
      }
      lo.put("data", log.data().toHex());
      lo.put("blockNumber", Quantity.of(b.number()));
      lo.put("transactionHash", l1tx.hash().toHex());
      lo.put("transactionIndex", Quantity.of(index));
      lo.put("blockHash", b.hash().toHex());
      lo.put("logIndex", Quantity.of(logIndex++));
      lo.put("removed", false);
    }
    o.put("logsBloom", r.logsBloom().toHex());
    o.put("status", r.success() ? "0x1" : "0x0");
    if (l1tx.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", l1tx.to().toHex());
    }
    o.put("transactionHash", l1tx.hash().toHex());
    o.put("transactionIndex", Quantity.of(index));
    o.put("type", Quantity.of(r.typeByte()));
    if (!l1tx.blobs().isEmpty()) {
      o.put("blobGasUsed", Quantity.of(l1tx.blobs().size() * 131_072L));
      o.put("blobGasPrice", "0x1");
    }
    return o;
  }
}
