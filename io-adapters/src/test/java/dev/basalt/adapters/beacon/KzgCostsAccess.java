package dev.basalt.adapters.beacon;

import dev.basalt.core.types.Bytes;
import java.util.Arrays;
import java.util.Locale;

/** Times the two blob checks for {@code L1AdapterCostsTest}. */
public final class KzgCostsAccess {
  private KzgCostsAccess() {}

  public static String measure(String blobHex, String commitmentHex, String proofHex) {
    long loadStart = System.nanoTime();
    if (!Kzg.warmUp()) {
      return "KZG unavailable: " + Kzg.unavailableReason();
    }
    double loadMillis = (System.nanoTime() - loadStart) / 1e6;
    Bytes blob = Bytes.fromHex(blobHex);
    Bytes commitment = Bytes.fromHex(commitmentHex);
    Bytes proof = Bytes.fromHex(proofHex);
    long[] verify = new long[20];
    long[] commit = new long[10];
    for (int i = 0; i < verify.length; i++) {
      long s = System.nanoTime();
      Kzg.verifyBlobProof(blob, commitment, proof);
      verify[i] = System.nanoTime() - s;
    }
    for (int i = 0; i < commit.length; i++) {
      long s = System.nanoTime();
      Kzg.commitment(blob);
      commit[i] = System.nanoTime() - s;
    }
    Arrays.sort(verify);
    Arrays.sort(commit);
    return String.format(Locale.ROOT, "KZG: setup load (if first) %.0f ms; verifyBlobKzgProof median %.2f ms; "
        + "blobToKzgCommitment median %.2f ms", loadMillis, verify[verify.length / 2] / 1e6, commit[commit.length / 2] / 1e6);
  }
}
