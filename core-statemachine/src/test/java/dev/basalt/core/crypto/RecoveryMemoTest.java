package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecoveryMemoTest {
  private record Vector(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean lowS) {}

  private static Hash32 randomHash(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash32.wrap(b);
  }

  @Test
  void answersWhatRecoveryAnswersAcrossRepeatsEvictionsAndBothRules() {
    SplittableRandom random = new SplittableRandom(21);
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Hash32 hash = randomHash(random);
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      secret[0] = 1;
      EcdsaSignature sig = Secp256k1.sign(hash, SigningKey.fromHex(Bytes.of(secret).toHex()));
      BigInteger highS = Secp256k1.N.subtract(sig.s()); // the same signature with s mirrored
      vectors.add(new Vector(hash, sig.recoveryId(), sig.r(), sig.s(), true));
      vectors.add(new Vector(hash, 1 - sig.recoveryId(), sig.r(), highS, i % 2 == 0));
      vectors.add(new Vector(hash, sig.recoveryId(), sig.r(), sig.s().add(BigInteger.ONE), false)); // recovers someone else
      if (i % 50 == 0) {
        vectors.add(new Vector(hash, 2, sig.r(), sig.s(), false)); // out of range
      }
    }
    RecoveryMemo memo = new RecoveryMemo();
    int present = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = round; i < vectors.size(); i += 1 + round) {
        Vector v = vectors.get(i);
        Optional<Address> expected = Secp256k1.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS());
        assertEquals(expected, memo.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS()), "vector " + i + " round " + round);
        present += expected.isPresent() ? 1 : 0;
      }
    }
    assertTrue(present > 1000, "most vectors recover someone");
  }

  @Test
  void theLowSRuleIsPartOfTheKey() {
    Hash32 hash = Keccak.hash(Bytes.fromHex("0x01").toArray());
    EcdsaSignature sig = Secp256k1.sign(hash, SigningKey.fromHex("33".repeat(32)));
    BigInteger highS = Secp256k1.N.subtract(sig.s());
    int flipped = 1 - sig.recoveryId();
    RecoveryMemo memo = new RecoveryMemo();
    Optional<Address> lenient = memo.recoverAddress(hash, flipped, sig.r(), highS, false);
    assertEquals(Optional.of(SigningKey.fromHex("33".repeat(32)).address()), lenient);
    assertEquals(Optional.empty(), memo.recoverAddress(hash, flipped, sig.r(), highS, true));
    assertNotEquals(lenient, memo.recoverAddress(hash, flipped, sig.r(), highS, true));
    assertEquals(lenient, memo.recoverAddress(hash, flipped, sig.r(), highS, false));
  }
}
