package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxSignature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An L2 transaction object of {@code eth_getBlockBy*} (full form) back to its EIP-2718 envelope:
 * deposits (0x7E) from {@code sourceHash, from, to, mint, value, gas, isSystemTx, input}, and the
 * signed types an OP block can hold (legacy, 2930, 1559, 7702) through the core's codec. Fields the
 * node adds and the envelope lacks ({@code hash}, {@code blockHash}, a deposit's {@code nonce} and
 * {@code depositReceiptVersion}, {@code gasPrice} of typed transactions) are ignored; the block
 * hash check upstream proves the rebuild byte-exact.
 *
 * <p>Deliberately separate from the CLI's {@code cli.tools.json} converter (being moved into
 * io-adapters on another branch): to be merged with it afterwards.
 */
final class L2TxJson {
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V35 = BigInteger.valueOf(35);

  private L2TxJson() {}

  static Bytes envelope(JsonFields tx) {
    // A missing type means legacy: nodes before Berlin omitted it.
    long type = tx.has("type") ? tx.u64("type") : 0;
    try {
      if (type == DepositTransaction.TYPE) {
        return deposit(tx).encode();
      }
      if (Long.compareUnsigned(type, 0x7f) > 0) {
        throw new MalformedResponseException(tx.at("type") + ": not an EIP-2718 type: 0x" + Long.toHexString(type));
      }
      return Bytes.wrapOwned(TxCodec.encode(signed(tx, (int) type)));
    } catch (IllegalArgumentException e) {
      // The core's value types reject out-of-range fields (negative chain id, bad parity, ...).
      throw new MalformedResponseException(tx.path() + ": " + e.getMessage());
    }
  }

  static DepositTransaction deposit(JsonFields tx) {
    boolean system = false;
    if (tx.has("isSystemTx")) {
      JsonNode v = tx.required("isSystemTx");
      if (!v.isBoolean()) {
        throw new MalformedResponseException(tx.at("isSystemTx") + ": expected a boolean, got " + JsonFields.describe(v));
      }
      system = v.booleanValue();
    }
    // op-geth omits mint when it is nil; nil and zero encode identically.
    BigInteger mint = tx.has("mint") ? tx.u256("mint") : BigInteger.ZERO;
    return new DepositTransaction(tx.hash("sourceHash"), tx.address("from"), tx.addressOrNull("to"), mint,
        tx.u256("value"), tx.u64("gas"), system, tx.data("input"));
  }

  private static Transaction signed(JsonFields tx, int type) {
    long nonce = tx.u64("nonce");
    long gas = tx.u64("gas");
    Address to = tx.addressOrNull("to");
    BigInteger value = tx.u256("value");
    Bytes input = tx.data("input");
    return switch (type) {
      case 0 -> legacy(tx, nonce, gas, to, value, input);
      case 1 -> new AccessListTx(tx.u256("chainId"), nonce, tx.u256("gasPrice"), gas, to, value, input,
          accessList(tx), typedSignature(tx));
      case 2 -> new DynamicFeeTx(tx.u256("chainId"), nonce, tx.u256("maxPriorityFeePerGas"), tx.u256("maxFeePerGas"),
          gas, to, value, input, accessList(tx), typedSignature(tx));
      case 4 -> new SetCodeTx(tx.u256("chainId"), nonce, tx.u256("maxPriorityFeePerGas"), tx.u256("maxFeePerGas"),
          gas, requireTo(tx, to), value, input, accessList(tx), authorizations(tx), typedSignature(tx));
      case 3 -> throw new MalformedResponseException(tx.at("type") + ": blob transactions cannot be in an OP L2 block");
      default -> throw new MalformedResponseException(tx.at("type") + ": unknown transaction type 0x" + Integer.toHexString(type));
    };
  }

  private static Address requireTo(JsonFields tx, Address to) {
    if (to == null) {
      throw new MalformedResponseException(tx.at("to") + ": missing (set-code transactions cannot create contracts)");
    }
    return to;
  }

  /** Legacy {@code v}: 27/28 unprotected, {@code chainId * 2 + 35 + parity} under EIP-155. */
  private static LegacyTx legacy(JsonFields tx, long nonce, long gas, Address to, BigInteger value, Bytes input) {
    BigInteger v = tx.u256("v");
    BigInteger chainId = null;
    int parity;
    if (v.equals(V27) || v.equals(V27.add(BigInteger.ONE))) {
      parity = v.subtract(V27).intValue();
    } else if (v.compareTo(V35) >= 0) {
      BigInteger rest = v.subtract(V35);
      chainId = rest.shiftRight(1);
      parity = rest.testBit(0) ? 1 : 0;
    } else {
      throw new MalformedResponseException(tx.at("v") + ": " + v + " is neither 27/28 nor an EIP-155 value");
    }
    TxSignature sig = new TxSignature(parity, tx.u256("r"), tx.u256("s"));
    return new LegacyTx(chainId, nonce, tx.u256("gasPrice"), gas, to, value, input, sig);
  }

  /** {@code yParity}, or {@code v} from nodes that give only that (for typed transactions v is the parity). */
  private static TxSignature typedSignature(JsonFields tx) {
    String field = tx.has("yParity") ? "yParity" : "v";
    return new TxSignature(parity(tx, field), tx.u256("r"), tx.u256("s"));
  }

  private static int parity(JsonFields f, String field) {
    long p = f.u64(field);
    if (p != 0 && p != 1) {
      throw new MalformedResponseException(f.at(field) + ": a y-parity is 0 or 1, got " + Long.toUnsignedString(p));
    }
    return (int) p;
  }

  private static List<AccessTuple> accessList(JsonFields tx) {
    List<AccessTuple> out = new ArrayList<>();
    if (!tx.has("accessList")) {
      return out;
    }
    JsonNode list = tx.array("accessList");
    for (int i = 0; i < list.size(); i++) {
      JsonFields entry = new JsonFields(list.get(i), tx.at("accessList") + "[" + i + "]");
      JsonNode keys = entry.array("storageKeys");
      List<Hash32> storageKeys = new ArrayList<>(keys.size());
      for (int k = 0; k < keys.size(); k++) {
        storageKeys.add(JsonFields.hash(keys.get(k), entry.at("storageKeys") + "[" + k + "]"));
      }
      out.add(new AccessTuple(entry.address("address"), storageKeys));
    }
    return out;
  }

  private static List<Authorization> authorizations(JsonFields tx) {
    JsonNode list = tx.array("authorizationList");
    List<Authorization> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonFields a = new JsonFields(list.get(i), tx.at("authorizationList") + "[" + i + "]");
      String parityField = a.has("yParity") ? "yParity" : "v";
      long parity = a.u64(parityField);
      if (Long.compareUnsigned(parity, 0xff) > 0) {
        throw new MalformedResponseException(a.at(parityField) + ": an authorization's y-parity is a u8");
      }
      out.add(new Authorization(a.u256("chainId"), a.address("address"), a.u64("nonce"), (int) parity, a.u256("r"),
          a.u256("s")));
    }
    return out;
  }
}
