package dev.basalt.testdata.world.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheapSignerTest {
  @Test
  void signaturesAreValidLowSAndRecoverTheSigner() {
    SimRng rng = new SimRng(11);
    Set<Integer> recoveryIds = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      CheapSigner signer = new CheapSigner(Hash32.wrap(rng.bytes(32)).toArray());
      Hash32 hash = Keccak.hash(rng.bytes(40));
      EcdsaSignature sig = signer.sign(hash);
      assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "low s");
      assertEquals(signer.key().address(), Secp256k1.recoverAddress(hash, sig.recoveryId(), sig.r(), sig.s()).orElseThrow());
      assertEquals(sig, signer.sign(hash), "deterministic");
      recoveryIds.add(sig.recoveryId());
    }
    assertEquals(Set.of(0, 1), recoveryIds);
  }

  @Test
  void userTransactionsRecoverToTheirSendersAccounts() {
    UserTxs users = new UserTxs(901, new SimRng(5), 4);
    List<Bytes> txs = users.next(200, true);
    Set<dev.basalt.core.types.Address> senders = new HashSet<>();
    int authorizations = 0;
    for (Bytes raw : txs) {
      SignedTx tx = (SignedTx) TxCodec.decode(raw);
      senders.add(tx.sender().orElseThrow(() -> new AssertionError("invalid signature on " + tx)));
      if (tx.tx() instanceof SetCodeTx setCode) {
        for (var auth : setCode.authorizationList()) {
          assertTrue(auth.authority().isPresent(), "authorization signature recovers");
          authorizations++;
        }
      }
    }
    assertTrue(authorizations > 0, "set-code transactions were drawn");
    assertEquals(4, senders.size(), "one sender per account, every signature valid");
    assertEquals(txs, new UserTxs(901, new SimRng(5), 4).next(200, true), "the same seed signs the same bytes");
  }
}
