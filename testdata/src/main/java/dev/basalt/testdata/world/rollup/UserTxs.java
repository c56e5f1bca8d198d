package dev.basalt.testdata.world.rollup;

import dev.basalt.core.crypto.EcdsaSignature;
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
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Random signed L2 user transactions from a fixed set of accounts with tracked nonces: legacy
 * (EIP-155), EIP-2930 and EIP-1559 always, EIP-7702 set-code transactions when allowed (Isthmus).
 * Blob transactions never appear on L2. Signed by {@link CheapSigner}: valid signatures, cheaply.
 */
final class UserTxs {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  private final BigInteger chainId;
  private final SimRng rng;
  private final List<CheapSigner> keys = new ArrayList<>();
  private final long[] nonces;

  UserTxs(long chainId, SimRng rng, int accounts) {
    this.chainId = BigInteger.valueOf(chainId);
    this.rng = rng;
    for (int i = 0; i < accounts; i++) {
      keys.add(new CheapSigner(Hash32.wrap(rng.bytes(32)).toArray()));
    }
    this.nonces = new long[accounts];
  }

  /** {@code count} transactions in random order of senders. */
  List<Bytes> next(int count, boolean setCodeAllowed) {
    List<Bytes> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int who = rng.nextInt(keys.size());
      out.add(Bytes.wrapOwned(TxCodec.encode(sign(random(nonces[who]++, setCodeAllowed), keys.get(who)))));
    }
    return out;
  }

  private static Transaction sign(Transaction tx, CheapSigner signer) {
    EcdsaSignature sig = signer.sign(TxCodec.signingHash(tx));
    return tx.withSignature(new TxSignature(sig.recoveryId(), sig.r(), sig.s()));
  }

  private Transaction random(long nonce, boolean setCodeAllowed) {
    Address to = Address.wrap(rng.bytes(20));
    BigInteger value = BigInteger.valueOf(rng.nextLong(1L << 50));
    Bytes data = Bytes.of(rng.bytes(rng.nextInt(64)));
    long gas = 21_000 + 16L * data.length() + rng.nextInt(50_000);
    BigInteger tip = BigInteger.valueOf(rng.between(1, 2_000_000));
    BigInteger maxFee = GWEI.multiply(BigInteger.valueOf(rng.between(1, 50)));
    int kind = rng.nextInt(setCodeAllowed ? 4 : 3);
    return switch (kind) {
      case 0 -> new LegacyTx(chainId, nonce, maxFee, gas, rng.chance(1, 8) ? null : to, value, data, TxCodec.placeholderSignature());
      case 1 -> new AccessListTx(chainId, nonce, maxFee, gas, to, value, data, accessList(), TxCodec.placeholderSignature());
      case 2 -> new DynamicFeeTx(chainId, nonce, tip, maxFee, gas, to, value, data, accessList(), TxCodec.placeholderSignature());
      default -> new SetCodeTx(chainId, nonce, tip, maxFee, gas + 25_000, to, BigInteger.ZERO, data, List.of(),
          List.of(authorization()), TxCodec.placeholderSignature());
    };
  }

  private List<AccessTuple> accessList() {
    if (rng.chance(2, 3)) {
      return List.of();
    }
    return List.of(new AccessTuple(Address.wrap(rng.bytes(20)), List.of(Hash32.wrap(rng.bytes(32)))));
  }

  private Authorization authorization() {
    CheapSigner authority = keys.get(rng.nextInt(keys.size()));
    Authorization unsigned = new Authorization(chainId, Address.wrap(rng.bytes(20)), rng.nextLong(1000), 0, BigInteger.ONE, BigInteger.ONE);
    EcdsaSignature sig = authority.sign(unsigned.signingHash());
    return new Authorization(chainId, unsigned.address(), unsigned.nonce(), sig.recoveryId(), sig.r(), sig.s());
  }
}
