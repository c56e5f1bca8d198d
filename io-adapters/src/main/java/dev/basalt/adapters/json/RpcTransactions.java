package dev.basalt.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxSignature;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Transactions from JSON-RPC transaction objects, back to their EIP-2718 envelopes: signed types
 * 0x00-0x04 through the core's {@link TxCodec}, and OP deposits (0x7E) through {@link
 * DepositTransaction}. Fields only the node adds ({@code hash}, {@code from} of signed
 * transactions, {@code blockHash}, {@code gasPrice} of typed ones, a deposit's {@code nonce} and
 * {@code depositReceiptVersion}) are ignored: they are not part of the envelope.
 */
public final class RpcTransactions {
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V28 = BigInteger.valueOf(28);
  private static final BigInteger V35 = BigInteger.valueOf(35);

  private RpcTransactions() {}

  /** The EIP-2718 envelope of {@code tx}, deposits included. */
  public static Bytes envelope(RpcObject tx) {
    int type = type(tx);
    if (type == DepositTransaction.TYPE) {
      return deposit(tx).encode();
    }
    return Bytes.wrapOwned(TxCodec.encode(signed(tx)));
  }

  /** The EIP-2718 type byte; a missing {@code type} means legacy (pre-Berlin nodes omit it). */
  public static int type(RpcObject tx) {
    BigInteger type = tx.optionalQuantity("type");
    if (type == null) {
      return 0;
    }
    if (type.bitLength() > 8 || (type.intValue() > TxType.SET_CODE.typeByte() && type.intValue() != DepositTransaction.TYPE)) {
      throw new JsonFormatException(tx.fieldPath("type") + ": 0x" + type.toString(16)
          + " is not a transaction type this converter knows (0x0-0x4, 0x7e)");
    }
    return type.intValue();
  }

  /** A deposit from {@code sourceHash, from, to, mint, value, gas, isSystemTx, input}. */
  public static DepositTransaction deposit(RpcObject tx) {
    BigInteger mint = tx.optionalQuantity("mint");
    return new DepositTransaction(
        tx.hash("sourceHash"),
        tx.address("from"),
        tx.optionalAddress("to"),
        mint == null ? BigInteger.ZERO : mint,
        tx.quantity("value"),
        tx.u64("gas"),
        tx.bool("isSystemTx", false),
        input(tx));
  }

  /** A signed transaction of type 0x00-0x04. */
  public static Transaction signed(RpcObject tx) {
    int type = type(tx);
    long nonce = tx.u64("nonce");
    long gas = tx.u64("gas");
    Address to = tx.optionalAddress("to");
    BigInteger value = tx.quantity("value");
    Bytes data = input(tx);
    try {
      return switch (type) {
        case 0 -> legacy(tx, nonce, gas, to, value, data);
        case 1 -> new AccessListTx(tx.quantity("chainId"), nonce, tx.quantity("gasPrice"), gas, to, value, data,
            accessList(tx), typedSignature(tx));
        case 2 -> new DynamicFeeTx(tx.quantity("chainId"), nonce, tx.quantity("maxPriorityFeePerGas"),
            tx.quantity("maxFeePerGas"), gas, to, value, data, accessList(tx), typedSignature(tx));
        case 3 -> new BlobTx(tx.quantity("chainId"), nonce, tx.quantity("maxPriorityFeePerGas"),
            tx.quantity("maxFeePerGas"), gas, requireTo(tx, to), value, data, accessList(tx),
            tx.quantity("maxFeePerBlobGas"), tx.hashes("blobVersionedHashes"), typedSignature(tx));
        case 4 -> new SetCodeTx(tx.quantity("chainId"), nonce, tx.quantity("maxPriorityFeePerGas"),
            tx.quantity("maxFeePerGas"), gas, requireTo(tx, to), value, data, accessList(tx), authorizations(tx),
            typedSignature(tx));
        default -> throw new JsonFormatException(tx.fieldPath("type") + ": a deposit is not a signed transaction");
      };
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException((tx.path().isEmpty() ? "" : tx.path() + ": ") + e.getMessage());
    }
  }

  private static Bytes input(RpcObject tx) {
    // "input" is the JSON-RPC name; some older clients wrote "data".
    return tx.has("input") || !tx.has("data") ? tx.data("input") : tx.data("data");
  }

  private static Address requireTo(RpcObject tx, Address to) {
    if (to == null) {
      throw new JsonFormatException(tx.fieldPath("to") + ": missing (blob and set-code transactions cannot create contracts)");
    }
    return to;
  }

  /** Legacy v: 27/28 unprotected, {@code chainId * 2 + 35 + parity} under EIP-155. */
  private static LegacyTx legacy(RpcObject tx, long nonce, long gas, Address to, BigInteger value, Bytes data) {
    BigInteger v = tx.quantity("v");
    BigInteger chainId = null;
    int parity;
    if (v.equals(V27) || v.equals(V28)) {
      parity = v.subtract(V27).intValue();
    } else if (v.compareTo(V35) >= 0) {
      BigInteger rest = v.subtract(V35);
      chainId = rest.shiftRight(1);
      parity = rest.testBit(0) ? 1 : 0;
    } else {
      throw new JsonFormatException(tx.fieldPath("v") + ": " + v + " is neither 27/28 nor an EIP-155 value (35 and up)");
    }
    TxSignature sig = new TxSignature(parity, tx.quantity("r"), tx.quantity("s"));
    return new LegacyTx(chainId, nonce, tx.quantity("gasPrice"), gas, to, value, data, sig);
  }

  /** {@code yParity}, or {@code v} from nodes that only give that (for typed transactions v is the parity). */
  private static TxSignature typedSignature(RpcObject tx) {
    String field = tx.has("yParity") ? "yParity" : "v";
    BigInteger parity = tx.quantity(field);
    if (parity.compareTo(BigInteger.ONE) > 0) {
      throw new JsonFormatException(tx.fieldPath(field) + ": the y-parity of a typed transaction is 0 or 1, got " + parity);
    }
    return new TxSignature(parity.intValue(), tx.quantity("r"), tx.quantity("s"));
  }

  private static List<AccessTuple> accessList(RpcObject tx) {
    List<AccessTuple> out = new ArrayList<>();
    if (!tx.has("accessList")) {
      return out;
    }
    JsonNode list = tx.array("accessList");
    for (int i = 0; i < list.size(); i++) {
      RpcObject entry = new RpcObject(list.get(i), tx.fieldPath("accessList") + "[" + i + "]");
      out.add(new AccessTuple(entry.address("address"), entry.hashes("storageKeys")));
    }
    return out;
  }

  private static List<Authorization> authorizations(RpcObject tx) {
    JsonNode list = tx.array("authorizationList");
    List<Authorization> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      RpcObject a = new RpcObject(list.get(i), tx.fieldPath("authorizationList") + "[" + i + "]");
      String parityField = a.has("yParity") ? "yParity" : "v";
      BigInteger parity = a.quantity(parityField);
      if (parity.bitLength() > 8) {
        throw new JsonFormatException(a.fieldPath(parityField) + ": the y-parity is a u8, got " + parity);
      }
      out.add(new Authorization(a.quantity("chainId"), a.address("address"), a.u64("nonce"), parity.intValue(),
          a.quantity("r"), a.quantity("s")));
    }
    return out;
  }
}
