package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;

/** Renders signed transactions (every type {@link dev.basalt.core.tx.TxCodec} reads) field by field. */
final class TxJson {
  private TxJson() {}

  /** The short name of a type: legacy, eip2930, eip1559, eip4844, eip7702. */
  static String typeName(TxType type) {
    return switch (type) {
      case LEGACY -> "legacy";
      case ACCESS_LIST -> "eip2930";
      case DYNAMIC_FEE -> "eip1559";
      case BLOB -> "eip4844";
      case SET_CODE -> "eip7702";
    };
  }

  /** Type, hash and recovered sender; the start of every transaction's output. */
  static ObjectNode identity(SignedTx signed) {
    Transaction tx = signed.tx();
    ObjectNode out = ToolJson.object();
    out.put("type", typeName(tx.type()));
    out.put("typeByte", tx.type().typeByte());
    out.put("hash", signed.hash().toHex());
    Address sender = signed.sender().orElse(null);
    out.put("sender", sender == null ? null : sender.toHex());
    if (sender == null) {
      out.put("senderError", "the signature recovers no sender (r or s out of range, s above n/2, or no curve point)");
    }
    return out;
  }

  /** Every field of {@code signed}, after {@link #identity}. */
  static ObjectNode render(SignedTx signed) {
    Transaction tx = signed.tx();
    ObjectNode out = identity(signed);
    out.put("signingHash", signed.signingHash().toHex());
    out.put("chainId", tx.chainId());
    ToolJson.putU64(out, "nonce", tx.nonce());
    ToolJson.putU64(out, "gasLimit", tx.gasLimit());
    out.put("to", tx.to() == null ? null : tx.to().toHex());
    out.put("value", tx.value());
    fees(out, tx);
    if (tx.type() != TxType.LEGACY) {
      out.set("accessList", accessList(tx.accessList()));
    }
    if (tx instanceof BlobTx) {
      out.set("blobVersionedHashes", hashes(tx.blobVersionedHashes()));
    }
    if (tx instanceof SetCodeTx) {
      out.set("authorizationList", authorizations(tx.authorizationList()));
    }
    out.put("dataLength", tx.data().length());
    out.put("data", tx.data().toHex());
    out.set("signature", signature(tx));
    return out;
  }

  private static void fees(ObjectNode out, Transaction tx) {
    switch (tx) {
      case LegacyTx t -> out.put("gasPrice", t.gasPrice());
      case AccessListTx t -> out.put("gasPrice", t.gasPrice());
      case DynamicFeeTx t -> dynamicFees(out, t.maxPriorityFeePerGas(), t.maxFeePerGas());
      case BlobTx t -> {
        dynamicFees(out, t.maxPriorityFeePerGas(), t.maxFeePerGas());
        out.put("maxFeePerBlobGas", t.maxFeePerBlobGas());
      }
      case SetCodeTx t -> dynamicFees(out, t.maxPriorityFeePerGas(), t.maxFeePerGas());
    }
  }

  private static void dynamicFees(ObjectNode out, BigInteger priority, BigInteger max) {
    out.put("maxPriorityFeePerGas", priority);
    out.put("maxFeePerGas", max);
  }

  private static ObjectNode signature(Transaction tx) {
    ObjectNode sig = ToolJson.object();
    sig.put("yParity", tx.signature().yParity());
    if (tx instanceof LegacyTx legacy) {
      sig.put("v", legacy.v());
      sig.put("eip155", legacy.isProtected());
    }
    sig.put("r", word(tx.signature().r()));
    sig.put("s", word(tx.signature().s()));
    return sig;
  }

  private static ArrayNode accessList(List<AccessTuple> list) {
    ArrayNode out = ToolJson.array();
    for (AccessTuple t : list) {
      ObjectNode entry = out.addObject();
      entry.put("address", t.address().toHex());
      entry.set("storageKeys", hashes(t.storageKeys()));
    }
    return out;
  }

  private static ArrayNode authorizations(List<Authorization> list) {
    ArrayNode out = ToolJson.array();
    for (Authorization a : list) {
      ObjectNode entry = out.addObject();
      entry.put("chainId", a.chainId());
      entry.put("address", a.address().toHex());
      ToolJson.putU64(entry, "nonce", a.nonce());
      entry.put("yParity", a.yParity());
      entry.put("r", word(a.r()));
      entry.put("s", word(a.s()));
      entry.put("authority", a.authority().map(Address::toHex).orElse(null));
    }
    return out;
  }

  static ArrayNode hashes(List<Hash32> hashes) {
    ArrayNode out = ToolJson.array();
    hashes.forEach(h -> out.add(h.toHex()));
    return out;
  }

  /** A u256 as a 32-byte 0x word, as signatures are usually shown. */
  static String word(BigInteger v) {
    String hex = v.toString(16);
    return "0x" + "0".repeat(Math.max(0, 64 - hex.length())) + hex;
  }
}
