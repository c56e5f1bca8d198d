package dev.basalt.core.tx;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;

/**
 * EIP-2718 envelopes of L1 transactions: decoding, encoding, hashes and sender recovery.
 *
 * <p>Decoding is strict: canonical RLP only, exactly one item, no trailing bytes, integers in range,
 * so that {@code encode(decode(b))} always equals {@code b} and the hash of a decoded transaction is
 * the hash of its bytes. Bytes that are not a transaction throw {@link DecodeException}; a typed
 * envelope of a type this codec does not read becomes an {@link UnknownTypeTx}.
 */
public final class TxCodec {
  private TxCodec() {}

  /**
   * Decodes one envelope: legacy when the first byte is 0xc0 or above, typed when it is 0x01..0x7f.
   *
   * @throws DecodeException for empty input, a first byte of 0x00 or 0x80..0xbf, non-canonical or
   *     truncated RLP, trailing bytes, a missing or extra field, or an out-of-range value
   */
  public static DecodedTx decode(byte[] envelope) {
    Transaction tx = decodeTransaction(envelope);
    return tx == null ? new UnknownTypeTx(envelope[0] & 0xff, Keccak.hash(envelope)) : new SignedTx(tx, Keccak.hash(envelope));
  }

  /**
   * As {@link #decode(byte[])} without hashing the envelope, for callers that only read the
   * transaction: the same transaction, or null where {@code decode} answers an {@link
   * UnknownTypeTx}, and the same exceptions.
   */
  public static Transaction decodeTransaction(byte[] envelope) {
    if (envelope.length == 0) {
      throw new DecodeException("empty transaction");
    }
    int first = envelope[0] & 0xff;
    if (first >= 0xc0) {
      return TxReader.legacy(envelope);
    }
    if (first >= 0x80) {
      throw new DecodeException("not a transaction: first byte 0x" + Integer.toHexString(first));
    }
    TxType type = TxType.ofTypeByte(first);
    if (type == null) {
      if (first == 0) {
        throw new DecodeException("type byte 0x00 is not a valid EIP-2718 envelope");
      }
      return null;
    }
    return TxReader.typed(type, envelope);
  }

  public static DecodedTx decode(Bytes envelope) {
    return decode(envelope.toArray());
  }

  /** The canonical EIP-2718 envelope: the bare RLP list for legacy, type byte ‖ RLP list otherwise. */
  public static byte[] encode(Transaction tx) {
    RlpWriter w = new RlpWriter(256 + tx.data().length());
    if (tx.type() != TxType.LEGACY) {
      w.rawByte(tx.type().typeByte());
    }
    TxWriter.body(w, tx, false);
    return w.toByteArray();
  }

  /** keccak256 of the envelope: the transaction hash. */
  public static Hash32 hash(Transaction tx) {
    return Keccak.hash(encode(tx));
  }

  /**
   * The hash the sender signs: for legacy {@code rlp([nonce, gasPrice, gas, to, value, data])},
   * plus {@code chainId, 0, 0} under EIP-155; for typed transactions {@code type ‖ rlp(fields
   * without the signature)}.
   */
  public static Hash32 signingHash(Transaction tx) {
    RlpWriter w = new RlpWriter(256 + tx.data().length());
    if (tx.type() != TxType.LEGACY) {
      w.rawByte(tx.type().typeByte());
    }
    TxWriter.body(w, tx, true);
    return Keccak.hash(w.buffer(), 0, w.size());
  }

  /**
   * The sender recovered from the signature, with go-ethereum's homestead rules (r and s in [1,
   * n-1], s at most n/2); empty when the signature is invalid. The chain id is not checked here:
   * callers compare {@link Transaction#chainId()} with the chain they expect.
   */
  public static Optional<Address> sender(Transaction tx) {
    TxSignature sig = tx.signature();
    return Secp256k1.recoverAddress(signingHash(tx), sig.yParity(), sig.r(), sig.s());
  }

  /** {@code tx} signed by {@code key}; whatever signature {@code tx} carried is replaced. */
  @SuppressWarnings("unchecked")
  public static <T extends Transaction> T sign(T tx, SigningKey key) {
    EcdsaSignature sig = Secp256k1.sign(signingHash(tx), key);
    return (T) tx.withSignature(new TxSignature(sig.recoveryId(), sig.r(), sig.s()));
  }

  /** A zero signature, for building a transaction before {@link #sign} replaces it. */
  public static TxSignature placeholderSignature() {
    return new TxSignature(0, BigInteger.ZERO, BigInteger.ZERO);
  }
}
