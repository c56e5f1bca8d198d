package dev.basalt.bench;

import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.ReferenceRecovery;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The primitives the simulation's profile is dominated by, per operation: secp256k1 public-key
 * recovery by BouncyCastle (the reference) and by Basalt's own implementation (the one the core
 * uses), signing, and Keccak-256 of a typical transaction and of a 64-byte key by BouncyCastle and by
 * Basalt's own. Figures are the best and
 * median of the rounds, in µs per operation of the thread's CPU time (the machine may be shared).
 */
final class CryptoBench {
  private static final int VECTORS = 256;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private CryptoBench() {}

  static List<String> run(int rounds, int opsPerRound) {
    SplittableRandom random = new SplittableRandom(42);
    BigInteger[] es = new BigInteger[VECTORS];
    EcdsaSignature[] sigs = new EcdsaSignature[VECTORS];
    for (int i = 0; i < VECTORS; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      secret[0] &= 0x7f;
      secret[31] |= 1;
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      sigs[i] = Secp256k1.sign(Hash32.wrap(hash), SigningKey.fromHex(dev.basalt.core.types.Bytes.of(secret).toHex()));
      es[i] = new BigInteger(1, hash);
    }
    byte[] tx = new byte[200];
    byte[] key = new byte[64];
    random.nextBytes(tx);
    random.nextBytes(key);
    List<String> out = new ArrayList<>();
    out.add(line("crypto: recover public key, BouncyCastle", rounds, opsPerRound / 4,
        i -> ReferenceRecovery.recover(es[i % VECTORS], sigs[i % VECTORS].r(), sigs[i % VECTORS].s(), sigs[i % VECTORS].recoveryId() == 1)));
    out.add(line("crypto: recover public key, Basalt", rounds, opsPerRound,
        i -> ReferenceRecovery.recoverFast(es[i % VECTORS], sigs[i % VECTORS].r(), sigs[i % VECTORS].s(), sigs[i % VECTORS].recoveryId() == 1)));
    SigningKey signer = SigningKey.fromHex("46".repeat(32));
    Hash32[] hashes = new Hash32[VECTORS];
    for (int i = 0; i < VECTORS; i++) {
      hashes[i] = Keccak.hash(new byte[] {(byte) i});
    }
    // The batcher's and the unsafe-block signer's case: the expected signer's key is known.
    EcdsaSignature[] bySigner = new EcdsaSignature[VECTORS];
    BigInteger[] signerEs = new BigInteger[VECTORS];
    for (int i = 0; i < VECTORS; i++) {
      bySigner[i] = Secp256k1.sign(hashes[i], signer);
      signerEs[i] = new BigInteger(1, hashes[i].toArray());
    }
    ReferenceRecovery.KnownKeyCheck known = ReferenceRecovery.knownKey(signer.publicKey());
    out.add(line("crypto: verify against a known key, Basalt", rounds, opsPerRound,
        i -> known.signed(signerEs[i % VECTORS], bySigner[i % VECTORS].r(), bySigner[i % VECTORS].s(), bySigner[i % VECTORS].recoveryId() == 1)));
    // Eight signers in turn: their tables (470 KiB each) and G's no longer fit the core's cache,
    // as in the simulator, where the rest of the world evicts them between checks.
    int signers = 8;
    ReferenceRecovery.KnownKeyCheck[] checks = new ReferenceRecovery.KnownKeyCheck[signers];
    EcdsaSignature[][] bySigners = new EcdsaSignature[signers][VECTORS];
    for (int k = 0; k < signers; k++) {
      SigningKey each = SigningKey.fromHex(String.format(Locale.ROOT, "%02x", 0x21 + k).repeat(32));
      checks[k] = ReferenceRecovery.knownKey(each.publicKey());
      for (int i = 0; i < VECTORS; i++) {
        bySigners[k][i] = Secp256k1.sign(hashes[i], each);
      }
    }
    out.add(line("crypto: verify, 8 known keys in turn, Basalt", rounds, opsPerRound, i -> {
      EcdsaSignature sig = bySigners[i % signers][(i / signers) % VECTORS];
      checks[i % signers].signed(signerEs[(i / signers) % VECTORS], sig.r(), sig.s(), sig.recoveryId() == 1);
    }));
    out.add(line("crypto: known key's table (built once per key)", rounds, Math.max(1, opsPerRound / 50),
        i -> ReferenceRecovery.knownKey(signer.publicKey())));
    out.add(line("crypto: sign (RFC 6979), Basalt", rounds, opsPerRound, i -> Secp256k1.sign(hashes[i % VECTORS], signer)));
    out.add(line("crypto: Keccak-256, 200 bytes, BouncyCastle", rounds, opsPerRound * 20, i -> bouncyCastleKeccak(tx)));
    out.add(line("crypto: Keccak-256, 200 bytes, Basalt", rounds, opsPerRound * 20, i -> Keccak.hash(tx)));
    out.add(line("crypto: Keccak-256, 64 bytes, BouncyCastle", rounds, opsPerRound * 20, i -> bouncyCastleKeccak(key)));
    out.add(line("crypto: Keccak-256, 64 bytes, Basalt", rounds, opsPerRound * 20, i -> Keccak.hash(key)));
    return out;
  }

  private static byte[] bouncyCastleKeccak(byte[] data) {
    org.bouncycastle.crypto.digests.KeccakDigest digest = new org.bouncycastle.crypto.digests.KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  private static String line(String label, int rounds, int ops, IntConsumer op) {
    double[] perOp = new double[rounds];
    for (int warm = 0; warm < 2; warm++) {
      for (int i = 0; i < ops; i++) {
        op.accept(i);
      }
    }
    for (int r = 0; r < rounds; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < ops; i++) {
        op.accept(i);
      }
      perOp[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / ops;
    }
    java.util.Arrays.sort(perOp);
    return String.format(Locale.ROOT, "%-44s %.2f µs/op best, %.2f µs/op median", label, perOp[0], perOp[rounds / 2]);
  }
}
