package dev.basalt.core.deposit;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A deposited transaction, EIP-2718 type {@code 0x7E}: {@code 0x7E || rlp([sourceHash, from, to,
 * mint, value, gas, isSystemTx, data])} (specs {@code protocol/deposits.md}).
 *
 * <p>A zero mint encodes exactly like geth's absent ({@code nil}) mint, as the empty string, so
 * "no mint" and "mint 0" are the same value here.
 *
 * @param to the callee, or null for a contract creation (encoded as the empty string)
 * @param mint wei minted on L2 before execution, u256
 * @param value wei sent to {@code to}, u256
 * @param gasLimit gas limit, u64 held in a long (compare with {@link Long#compareUnsigned})
 * @param isSystemTx the pre-Regolith system-transaction flag
 */
public record DepositTransaction(
    Hash32 sourceHash,
    Address from,
    Address to,
    BigInteger mint,
    BigInteger value,
    long gasLimit,
    boolean isSystemTx,
    Bytes data) {

  /** The EIP-2718 type byte of deposited transactions. */
  public static final int TYPE = 0x7E;

  private static final int MAX_U256_BITS = 256;

  public DepositTransaction {
    Objects.requireNonNull(sourceHash, "sourceHash");
    Objects.requireNonNull(from, "from");
    requireU256(mint, "mint");
    requireU256(value, "value");
    Objects.requireNonNull(data, "data");
  }

  private static void requireU256(BigInteger v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0 || v.bitLength() > MAX_U256_BITS) {
      throw new IllegalArgumentException(name + " is not a u256: " + v);
    }
  }

  public boolean isCreation() {
    return to == null;
  }

  /** The EIP-2718 encoding: the type byte followed by the RLP list. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(64 + data.length());
    w.raw(new byte[] {(byte) TYPE});
    w.startList()
        .hash(sourceHash)
        .address(from)
        .optionalAddress(to)
        .uint256(mint)
        .uint256(value)
        .uint64(gasLimit)
        .bool(isSystemTx)
        .bytes(data)
        .endList();
    return Bytes.wrapOwned(w.toByteArray());
  }

  /** The transaction hash: keccak256 of {@link #encode()}. */
  public Hash32 txHash() {
    return Keccak.hash(encode());
  }

  /**
   * Decodes the EIP-2718 form. Accepts exactly what geth accepts: the type byte, one canonical RLP
   * list of eight fields and nothing after it; integers without leading zeros, booleans 0 or 1.
   * Unlike geth, mint and value above 2^256 - 1 are rejected (no L1 log can produce them).
   *
   * @throws DecodeException when the bytes are not such a transaction
   */
  public static DepositTransaction decode(Bytes encoded) {
    return decode(encoded.toArray());
  }

  /** As {@link #decode(Bytes)}, reading the array without keeping it. */
  public static DepositTransaction decode(byte[] encoded) {
    if (encoded.length == 0 || (encoded[0] & 0xff) != TYPE) {
      throw new DecodeException("not a deposit transaction: type byte must be 0x7e");
    }
    RlpReader outer = new RlpReader(encoded, 1, encoded.length - 1);
    RlpReader fields = outer.readList();
    outer.expectEnd();
    Hash32 sourceHash = fields.readHash();
    Address from = fields.readAddress();
    Address to = fields.readOptionalAddress();
    BigInteger mint = fields.readUint256();
    BigInteger value = fields.readUint256();
    long gas = fields.readUint64();
    boolean system = fields.readBoolean();
    Bytes data = fields.readBytesValue();
    fields.expectEnd();
    return new DepositTransaction(sourceHash, from, to, mint, value, gas, system, data);
  }
}
