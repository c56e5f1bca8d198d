package dev.basalt.testdata.primitives;

import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
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
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Seeded generators of keys and signed transactions of every L1 type, edge values included. */
final class TxGen {
  private final SimRng rng;

  TxGen(SimRng rng) {
    this.rng = rng;
  }

  SigningKey key() {
    while (true) {
      BigInteger d = new BigInteger(1, rng.bytes(32));
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return SigningKey.fromScalar(d);
      }
    }
  }

  Hash32 hash() {
    return Hash32.wrap(rng.bytes(32));
  }

  /** A u64 biased to the edges (0, 1, 55/56-byte boundaries, max). */
  long u64() {
    return switch (rng.nextInt(6)) {
      case 0 -> 0;
      case 1 -> rng.nextInt(128);
      case 2 -> -1L;
      default -> rng.nextLong() >>> rng.nextInt(64);
    };
  }

  /** A u256 biased to the edges. */
  BigInteger u256() {
    return switch (rng.nextInt(5)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
      case 2 -> BigInteger.valueOf(rng.nextInt(128));
      default -> new BigInteger(1, rng.bytes(1 + rng.nextInt(32)));
    };
  }

  Bytes data() {
    int length = switch (rng.nextInt(4)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> 50 + rng.nextInt(10); // around the 55-byte short/long boundary
      default -> rng.nextInt(2000);
    };
    return Bytes.of(rng.bytes(length));
  }

  Address address() {
    return Address.wrap(rng.bytes(20));
  }

  List<AccessTuple> accessList() {
    List<AccessTuple> out = new ArrayList<>();
    int n = rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<Hash32> keys = new ArrayList<>();
      int k = rng.nextInt(3);
      for (int j = 0; j < k; j++) {
        keys.add(hash());
      }
      out.add(new AccessTuple(address(), keys));
    }
    return out;
  }

  /** A transaction of {@code typeByte} (0..4) signed by {@code key}. */
  Transaction signed(int typeByte, SigningKey key) {
    TxSignature placeholder = TxCodec.placeholderSignature();
    BigInteger chainId = u256();
    Address toOrNull = rng.chance(1, 4) ? null : address();
    Transaction unsigned =
        switch (typeByte) {
          case 0 -> new LegacyTx(rng.chance(1, 3) ? null : chainId.shiftRight(2), u64(), u256(), u64(), toOrNull, u256(), data(),
              placeholder);
          case 1 -> new AccessListTx(chainId, u64(), u256(), u64(), toOrNull, u256(), data(), accessList(), placeholder);
          case 2 -> new DynamicFeeTx(chainId, u64(), u256(), u256(), u64(), toOrNull, u256(), data(), accessList(),
              placeholder);
          case 3 -> new BlobTx(chainId, u64(), u256(), u256(), u64(), address(), u256(), data(), accessList(), u256(),
              blobHashes(), placeholder);
          case 4 -> new SetCodeTx(chainId, u64(), u256(), u256(), u64(), address(), u256(), data(), accessList(),
              authorizations(), placeholder);
          default -> throw new IllegalArgumentException("type " + typeByte);
        };
    return TxCodec.sign(unsigned, key);
  }

  private List<Hash32> blobHashes() {
    List<Hash32> out = new ArrayList<>();
    int n = rng.nextInt(7);
    for (int i = 0; i < n; i++) {
      byte[] h = rng.bytes(32);
      h[0] = 0x01; // KZG versioned hash version
      out.add(Hash32.wrap(h));
    }
    return out;
  }

  private List<Authorization> authorizations() {
    List<Authorization> out = new ArrayList<>();
    int n = rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(new Authorization(u256(), address(), u64(), rng.nextInt(2), u256(), u256()));
    }
    return out;
  }
}
