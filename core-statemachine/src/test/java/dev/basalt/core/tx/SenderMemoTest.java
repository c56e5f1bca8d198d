package dev.basalt.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SenderMemoTest {
  private static DynamicFeeTx unsigned(long nonce, TxSignature sig) {
    return new DynamicFeeTx(BigInteger.ONE, nonce, BigInteger.ONE, BigInteger.ONE, 21_000, null, BigInteger.ZERO,
        Bytes.EMPTY, List.of(), sig);
  }

  @Test
  void answersWhatRecoveryAnswersAcrossRepeatsAndEvictions() {
    SplittableRandom random = new SplittableRandom(9);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 1500; i++) { // more than the memo's slots, so slots are overwritten
      if (i % 7 == 0) {
        txs.add(unsigned(i, new TxSignature(i % 2, BigInteger.valueOf(i + 1), BigInteger.valueOf(3))));
      } else if (i % 11 == 0) {
        txs.add(unsigned(i, new TxSignature(0, BigInteger.ONE, Secp256k1.N.subtract(BigInteger.ONE)))); // high s
      } else {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        secret[0] = 1;
        txs.add(TxCodec.sign(unsigned(i, TxCodec.placeholderSignature()), SigningKey.fromHex(Bytes.of(secret).toHex())));
      }
    }
    SenderMemo memo = new SenderMemo();
    int present = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < txs.size(); i += 1 + round) {
        Optional<Address> expected = TxCodec.sender(txs.get(i));
        assertEquals(expected, memo.sender(txs.get(i)), "tx " + i + " round " + round);
        present += expected.isPresent() ? 1 : 0;
      }
    }
    assertTrue(present > 1000, "most vectors are validly signed");
  }

  @Test
  void sameHashDifferentSignatureIsNotConfused() {
    SigningKey a = SigningKey.fromHex("11".repeat(32));
    SigningKey b = SigningKey.fromHex("22".repeat(32));
    DynamicFeeTx byA = TxCodec.sign(unsigned(5, TxCodec.placeholderSignature()), a);
    DynamicFeeTx byB = TxCodec.sign(unsigned(5, TxCodec.placeholderSignature()), b);
    SenderMemo memo = new SenderMemo();
    assertEquals(Optional.of(a.address()), memo.sender(byA));
    assertEquals(Optional.of(b.address()), memo.sender(byB));
    assertEquals(Optional.of(a.address()), memo.sender(byA));
  }
}
