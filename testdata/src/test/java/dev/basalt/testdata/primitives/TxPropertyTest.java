package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded property tests: encode/decode round trips of every type, sign/recover round trips. */
class TxPropertyTest {
  private static final long SEED = 0x5EED_D3L;

  @Test
  void everyTypeRoundTripsThroughItsEnvelope() {
    TxGen gen = new TxGen(new SimRng(SEED).fork("tx-roundtrip"));
    SigningKey key = gen.key();
    for (int i = 0; i < 500; i++) {
      int type = i % 5;
      Transaction tx = gen.signed(type, key);
      byte[] envelope = TxCodec.encode(tx);
      SignedTx decoded = assertInstanceOf(SignedTx.class, TxCodec.decode(envelope), "iteration " + i);
      assertEquals(tx, decoded.tx(), "iteration " + i);
      assertArrayEquals(envelope, TxCodec.encode(decoded.tx()), "iteration " + i);
      assertEquals(Keccak.hash(envelope), decoded.hash());
      assertEquals(TxCodec.hash(tx), decoded.hash());
      assertEquals(Optional.of(key.address()), decoded.sender(), "iteration " + i);
    }
  }

  @Test
  void signThenRecoverGivesTheSignersAddress() {
    TxGen gen = new TxGen(new SimRng(SEED).fork("secp256k1"));
    for (int i = 0; i < 300; i++) {
      SigningKey key = gen.key();
      Hash32 hash = gen.hash();
      EcdsaSignature sig = Secp256k1.sign(hash, key);
      assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "low s");
      assertEquals(sig, Secp256k1.sign(hash, key), "deterministic");
      assertEquals(Optional.of(key.address()), Secp256k1.recoverAddress(hash, sig.recoveryId(), sig.r(), sig.s()));
      assertEquals(key.publicKey(),
          Secp256k1.recoverPublicKey(hash, sig.recoveryId(), sig.r(), sig.s(), true).orElseThrow());
      // The malleable twin (n - s, other parity) recovers the same key only when high s is allowed.
      BigInteger highS = Secp256k1.N.subtract(sig.s());
      assertEquals(Optional.empty(), Secp256k1.recoverAddress(hash, sig.recoveryId() ^ 1, sig.r(), highS));
      assertEquals(Optional.of(key.address()),
          Secp256k1.recoverAddress(hash, sig.recoveryId() ^ 1, sig.r(), highS, false));
    }
  }

  @Test
  void authorizationsRecoverTheirAuthority() {
    TxGen gen = new TxGen(new SimRng(SEED).fork("7702-auth"));
    for (int i = 0; i < 50; i++) {
      SigningKey key = gen.key();
      Authorization unsigned = new Authorization(BigInteger.valueOf(i), gen.address(), i, 0, BigInteger.ONE, BigInteger.ONE);
      EcdsaSignature sig = Secp256k1.sign(unsigned.signingHash(), key);
      Authorization signed =
          new Authorization(unsigned.chainId(), unsigned.address(), unsigned.nonce(), sig.recoveryId(), sig.r(), sig.s());
      assertEquals(Optional.of(key.address()), signed.authority());
      Address other = gen.key().address();
      assertTrue(!other.equals(key.address()));
    }
  }
}
