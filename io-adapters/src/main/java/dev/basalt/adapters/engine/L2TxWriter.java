package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DecodedTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The server's half of {@link L2TxJson}: an L2 transaction of a mined block in op-geth's
 * {@code RPCTransaction} shape ({@code internal/ethapi newRPCTransaction}). A deposit carries
 * {@code sourceHash}, {@code mint}, {@code isSystemTx} (only when true), a zero gas price and
 * signature; its {@code nonce} and {@code depositReceiptVersion} come from the receipt in op-geth,
 * which a payload does not have, so they are written as op-geth does without one: nonce zero and
 * no receipt version. Signed transactions get their recovered sender and, from EIP-1559 on, the
 * effective gas price under the block's base fee.
 */
final class L2TxWriter {
  private L2TxWriter() {}

  /** Where the transaction sits: block hash and number, index, the block's base fee. */
  record Location(Hash32 blockHash, long blockNumber, int index, BigInteger baseFee) {}

  static void write(JsonGenerator gen, Bytes envelope, Location at) throws IOException {
    if (envelope.length() > 0 && (envelope.get(0) & 0xff) == DepositTransaction.TYPE) {
      deposit(gen, DepositTransaction.decode(envelope), envelope, at);
      return;
    }
    DecodedTx decoded = TxCodec.decode(envelope);
    if (!(decoded instanceof SignedTx signed)) {
      throw new IllegalArgumentException("transaction " + at.index() + " has an unknown type 0x" + Integer.toHexString(decoded.typeByte()));
    }
    signed(gen, signed, at);
  }

  private static void location(JsonGenerator gen, Location at) throws IOException {
    JsonHex.hash(gen, "blockHash", at.blockHash());
    JsonHex.quantity(gen, "blockNumber", at.blockNumber());
  }

  private static void deposit(JsonGenerator gen, DepositTransaction d, Bytes envelope, Location at) throws IOException {
    gen.writeStartObject();
    location(gen, at);
    JsonHex.address(gen, "from", d.from());
    JsonHex.quantity(gen, "gas", d.gasLimit());
    gen.writeStringField("gasPrice", "0x0");
    JsonHex.hash(gen, "hash", d.txHash());
    JsonHex.data(gen, "input", d.data());
    gen.writeStringField("nonce", "0x0");
    to(gen, d.to());
    JsonHex.quantity(gen, "transactionIndex", at.index());
    JsonHex.quantity(gen, "value", d.value());
    JsonHex.quantity(gen, "type", DepositTransaction.TYPE);
    gen.writeStringField("v", "0x0");
    gen.writeStringField("r", "0x0");
    gen.writeStringField("s", "0x0");
    JsonHex.hash(gen, "sourceHash", d.sourceHash());
    JsonHex.quantity(gen, "mint", d.mint());
    if (d.isSystemTx()) {
      gen.writeBooleanField("isSystemTx", true);
    }
    gen.writeEndObject();
  }

  private static void signed(JsonGenerator gen, SignedTx signed, Location at) throws IOException {
    Transaction tx = signed.tx();
    boolean feeMarket = tx.type() != TxType.LEGACY && tx.type() != TxType.ACCESS_LIST;
    gen.writeStartObject();
    location(gen, at);
    JsonHex.address(gen, "from", signed.sender().orElse(Address.ZERO));
    JsonHex.quantity(gen, "gas", tx.gasLimit());
    JsonHex.quantity(gen, "gasPrice", feeMarket ? tx.maxFeePerGas().min(at.baseFee().add(tip(tx))) : tx.maxFeePerGas());
    if (feeMarket) {
      JsonHex.quantity(gen, "maxFeePerGas", tx.maxFeePerGas());
      JsonHex.quantity(gen, "maxPriorityFeePerGas", tip(tx));
    }
    if (tx instanceof BlobTx blob) {
      JsonHex.quantity(gen, "maxFeePerBlobGas", blob.maxFeePerBlobGas());
    }
    JsonHex.hash(gen, "hash", signed.hash());
    JsonHex.data(gen, "input", tx.data());
    JsonHex.quantity(gen, "nonce", tx.nonce());
    to(gen, tx.to());
    JsonHex.quantity(gen, "transactionIndex", at.index());
    JsonHex.quantity(gen, "value", tx.value());
    JsonHex.quantity(gen, "type", tx.type().typeByte());
    if (tx.type() != TxType.LEGACY) {
      accessList(gen, tx);
    }
    if (tx.chainId() != null) {
      JsonHex.quantity(gen, "chainId", tx.chainId());
    }
    if (tx.type() == TxType.BLOB) {
      gen.writeArrayFieldStart("blobVersionedHashes");
      for (Hash32 h : tx.blobVersionedHashes()) {
        gen.writeString(h.toHex());
      }
      gen.writeEndArray();
    }
    if (tx.type() == TxType.SET_CODE) {
      authorizations(gen, tx);
    }
    signature(gen, tx);
    gen.writeEndObject();
  }

  private static void to(JsonGenerator gen, Address to) throws IOException {
    if (to == null) {
      gen.writeNullField("to");
    } else {
      JsonHex.address(gen, "to", to);
    }
  }

  private static void signature(JsonGenerator gen, Transaction tx) throws IOException {
    BigInteger v = tx instanceof LegacyTx legacy ? legacy.v() : BigInteger.valueOf(tx.signature().yParity());
    JsonHex.quantity(gen, "v", v);
    JsonHex.quantity(gen, "r", tx.signature().r());
    JsonHex.quantity(gen, "s", tx.signature().s());
    if (tx.type() != TxType.LEGACY) {
      JsonHex.quantity(gen, "yParity", tx.signature().yParity());
    }
  }

  private static void accessList(JsonGenerator gen, Transaction tx) throws IOException {
    gen.writeArrayFieldStart("accessList");
    for (AccessTuple t : tx.accessList()) {
      gen.writeStartObject();
      JsonHex.address(gen, "address", t.address());
      gen.writeArrayFieldStart("storageKeys");
      for (Hash32 k : t.storageKeys()) {
        gen.writeString(k.toHex());
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private static void authorizations(JsonGenerator gen, Transaction tx) throws IOException {
    gen.writeArrayFieldStart("authorizationList");
    for (Authorization a : tx.authorizationList()) {
      gen.writeStartObject();
      JsonHex.quantity(gen, "chainId", a.chainId());
      JsonHex.address(gen, "address", a.address());
      JsonHex.quantity(gen, "nonce", a.nonce());
      JsonHex.quantity(gen, "yParity", a.yParity());
      JsonHex.quantity(gen, "r", a.r());
      JsonHex.quantity(gen, "s", a.s());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private static BigInteger tip(Transaction tx) {
    return switch (tx) {
      case DynamicFeeTx d -> d.maxPriorityFeePerGas();
      case BlobTx b -> b.maxPriorityFeePerGas();
      case SetCodeTx s -> s.maxPriorityFeePerGas();
      default -> tx.maxFeePerGas();
    };
  }
}
