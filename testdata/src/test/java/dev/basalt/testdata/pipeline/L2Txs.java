package dev.basalt.testdata.pipeline;

import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.List;

/** Signed L2 user transactions of every type a batch may carry, for generated chains. */
final class L2Txs {
  private final SimRng rng;
  private final long chainId;
  private final SigningKey key;
  private long nonce;

  L2Txs(SimRng rng, long chainId) {
    this.rng = rng;
    this.chainId = chainId;
    BigInteger d;
    do {
      d = new BigInteger(1, rng.bytes(32));
    } while (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0);
    this.key = SigningKey.fromScalar(d);
  }

  /** A signed transaction; SetCode (type 4) only when {@code setCodeAllowed}. */
  Bytes next(boolean setCodeAllowed) {
    return next(rng.nextInt(setCodeAllowed ? 4 : 3));
  }

  /** A signed SetCode (type 4) transaction. */
  Bytes setCode() {
    return next(3);
  }

  private Bytes next(int kind) {
    BigInteger id = BigInteger.valueOf(chainId);
    Address to = Address.wrap(rng.bytes(20));
    Bytes data = Bytes.wrapOwned(rng.bytes(rng.nextInt(60)));
    BigInteger value = BigInteger.valueOf(rng.nextInt(1_000_000));
    Transaction tx = switch (kind) {
      case 0 -> new LegacyTx(id, nonce++, BigInteger.valueOf(1 + rng.nextInt(100)), 21_000 + rng.nextInt(50_000), to, value, data,
          TxCodec.placeholderSignature());
      case 1 -> new AccessListTx(id, nonce++, BigInteger.valueOf(1 + rng.nextInt(100)), 21_000 + rng.nextInt(50_000), to, value, data,
          List.of(), TxCodec.placeholderSignature());
      case 2 -> new DynamicFeeTx(id, nonce++, BigInteger.ONE, BigInteger.valueOf(2 + rng.nextInt(100)), 21_000 + rng.nextInt(50_000),
          to, value, data, List.of(), TxCodec.placeholderSignature());
      default -> new SetCodeTx(id, nonce++, BigInteger.ONE, BigInteger.TEN, 60_000, to, value, data, List.of(),
          List.of(new Authorization(id, Address.wrap(rng.bytes(20)), rng.nextInt(5), rng.nextInt(2),
              BigInteger.valueOf(1 + rng.nextInt(1000)), BigInteger.valueOf(1 + rng.nextInt(1000)))),
          TxCodec.placeholderSignature());
    };
    return Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key)));
  }
}
