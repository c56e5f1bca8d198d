package dev.basalt.testdata.primitives;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxSignature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Ethereum JSON-RPC objects ({@code eth_getBlockByNumber} with full transactions, {@code
 * eth_getBlockReceipts}) into core values. A test helper only: the core never sees JSON, and the
 * deposit (0x7e) envelope built here exists only so that L2 transaction hashes and roots can be
 * checked; the real deposit codec lives in the core and belongs to the deposits work.
 */
final class RpcJson {
  private RpcJson() {}

  static BigInteger quantity(JsonNode node) {
    String text = node.asText();
    if (!text.startsWith("0x")) {
      throw new IllegalArgumentException("not a hex quantity: " + text);
    }
    return text.length() == 2 ? BigInteger.ZERO : new BigInteger(text.substring(2), 16);
  }

  static long u64(JsonNode node) {
    BigInteger v = quantity(node);
    if (v.bitLength() > 64) {
      throw new IllegalArgumentException("over 64 bits: " + v);
    }
    return v.longValue();
  }

  private static BigInteger optionalQuantity(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : quantity(n);
  }

  private static Long optionalU64(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : u64(n);
  }

  static Hash32 hash(JsonNode node) {
    return Hash32.fromHex(node.asText());
  }

  private static Hash32 optionalHash(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : hash(n);
  }

  static Address address(JsonNode node) {
    return Address.fromHex(node.asText());
  }

  private static Address optionalAddress(JsonNode node) {
    return node == null || node.isNull() ? null : address(node);
  }

  static Bytes bytes(JsonNode node) {
    return Bytes.fromHex(node.asText());
  }

  /** A header from the block object's header fields; fork fields are taken when present. */
  static BlockHeader header(JsonNode b) {
    return new BlockHeader(
        hash(b.get("parentHash")), hash(b.get("sha3Uncles")), address(b.get("miner")), hash(b.get("stateRoot")),
        hash(b.get("transactionsRoot")), hash(b.get("receiptsRoot")), Bloom.fromHex(b.get("logsBloom").asText()),
        quantity(b.get("difficulty")), u64(b.get("number")), u64(b.get("gasLimit")), u64(b.get("gasUsed")),
        u64(b.get("timestamp")), bytes(b.get("extraData")), hash(b.get("mixHash")), bytes(b.get("nonce")),
        optionalQuantity(b, "baseFeePerGas"), optionalHash(b, "withdrawalsRoot"), optionalU64(b, "blobGasUsed"),
        optionalU64(b, "excessBlobGas"), optionalHash(b, "parentBeaconBlockRoot"), optionalHash(b, "requestsHash"));
  }

  /** The EIP-2718 envelope of a full transaction object, deposits included. */
  static Bytes envelope(JsonNode tx) {
    int type = quantity(tx.get("type")).intValue();
    if (type == 0x7e) {
      return depositEnvelope(tx);
    }
    return Bytes.wrapOwned(TxCodec.encode(transaction(tx)));
  }

  /** A signed L1 transaction (types 0 to 4) from its JSON fields. */
  static Transaction transaction(JsonNode tx) {
    int type = quantity(tx.get("type")).intValue();
    long nonce = u64(tx.get("nonce"));
    long gas = u64(tx.get("gas"));
    Address to = optionalAddress(tx.get("to"));
    BigInteger value = quantity(tx.get("value"));
    Bytes data = bytes(tx.get("input"));
    BigInteger r = quantity(tx.get("r"));
    BigInteger s = quantity(tx.get("s"));
    BigInteger v = quantity(tx.get("v"));
    if (type == 0) {
      return legacy(tx, nonce, gas, to, value, data, v, r, s);
    }
    JsonNode parityNode = tx.get("yParity");
    TxSignature sig = new TxSignature(parityNode == null ? v.intValueExact() : quantity(parityNode).intValueExact(), r, s);
    BigInteger chainId = quantity(tx.get("chainId"));
    List<AccessTuple> access = accessList(tx.get("accessList"));
    return switch (type) {
      case 1 -> new AccessListTx(chainId, nonce, quantity(tx.get("gasPrice")), gas, to, value, data, access, sig);
      case 2 -> new DynamicFeeTx(chainId, nonce, quantity(tx.get("maxPriorityFeePerGas")),
          quantity(tx.get("maxFeePerGas")), gas, to, value, data, access, sig);
      case 3 -> new BlobTx(chainId, nonce, quantity(tx.get("maxPriorityFeePerGas")), quantity(tx.get("maxFeePerGas")),
          gas, to, value, data, access, quantity(tx.get("maxFeePerBlobGas")), hashes(tx.get("blobVersionedHashes")), sig);
      case 4 -> new SetCodeTx(chainId, nonce, quantity(tx.get("maxPriorityFeePerGas")),
          quantity(tx.get("maxFeePerGas")), gas, to, value, data, access, authorizations(tx.get("authorizationList")),
          sig);
      default -> throw new IllegalArgumentException("no JSON mapping for type " + type);
    };
  }

  private static LegacyTx legacy(
      JsonNode tx, long nonce, long gas, Address to, BigInteger value, Bytes data, BigInteger v, BigInteger r,
      BigInteger s) {
    BigInteger chainId = null;
    int parity;
    if (v.intValue() == 27 || v.intValue() == 28) {
      parity = v.intValue() - 27;
    } else {
      BigInteger rest = v.subtract(BigInteger.valueOf(35));
      chainId = rest.shiftRight(1);
      parity = rest.testBit(0) ? 1 : 0;
    }
    return new LegacyTx(chainId, nonce, quantity(tx.get("gasPrice")), gas, to, value, data, new TxSignature(parity, r, s));
  }

  private static List<AccessTuple> accessList(JsonNode list) {
    List<AccessTuple> out = new ArrayList<>();
    if (list != null) {
      for (JsonNode t : list) {
        out.add(new AccessTuple(address(t.get("address")), hashes(t.get("storageKeys"))));
      }
    }
    return out;
  }

  private static List<Hash32> hashes(JsonNode list) {
    List<Hash32> out = new ArrayList<>();
    for (JsonNode h : list) {
      out.add(hash(h));
    }
    return out;
  }

  private static List<Authorization> authorizations(JsonNode list) {
    List<Authorization> out = new ArrayList<>();
    for (JsonNode a : list) {
      out.add(new Authorization(quantity(a.get("chainId")), address(a.get("address")), u64(a.get("nonce")),
          quantity(a.get("yParity")).intValueExact(), quantity(a.get("r")), quantity(a.get("s"))));
    }
    return out;
  }

  /** {@code 0x7e ‖ rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data])}. */
  static Bytes depositEnvelope(JsonNode tx) {
    JsonNode mint = tx.get("mint");
    JsonNode system = tx.get("isSystemTx");
    RlpWriter w = new RlpWriter().raw(new byte[] {0x7e}).startList();
    w.hash(hash(tx.get("sourceHash"))).address(address(tx.get("from"))).optionalAddress(optionalAddress(tx.get("to")));
    w.uint256(mint == null || mint.isNull() ? BigInteger.ZERO : quantity(mint));
    w.uint256(quantity(tx.get("value"))).uint64(u64(tx.get("gas")));
    w.bool(system != null && system.asBoolean()).bytes(bytes(tx.get("input")));
    return Bytes.wrapOwned(w.endList().toByteArray());
  }

  static Receipt receipt(JsonNode r) {
    List<Log> logs = new ArrayList<>();
    for (JsonNode l : r.get("logs")) {
      logs.add(new Log(address(l.get("address")), hashes(l.get("topics")), bytes(l.get("data"))));
    }
    return new Receipt(quantity(r.get("type")).intValue(), u64(r.get("status")) == 1, u64(r.get("cumulativeGasUsed")),
        Bloom.fromHex(r.get("logsBloom").asText()), logs);
  }

  static Withdrawal withdrawal(JsonNode w) {
    return new Withdrawal(u64(w.get("index")), u64(w.get("validatorIndex")), address(w.get("address")),
        u64(w.get("amount")));
  }

  static List<Bytes> envelopes(JsonNode transactions) {
    List<Bytes> out = new ArrayList<>();
    for (JsonNode tx : transactions) {
      out.add(tx.isTextual() ? bytes(tx) : envelope(tx));
    }
    return out;
  }
}
