package dev.basalt.core.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Hash32;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceHashTest {
  private static final Hash32 BLOCK = Hash32.fromHex("0x" + "ab".repeat(32));

  @Test
  void upgradeIntentMatchesTheEcotoneSpecTable() {
    // specs/protocol/ecotone/derivation.md lists this source hash next to the intent.
    assertEquals(
        Hash32.fromHex("0x877a6077205782ea15a6dc8699fa5ebcec5e0f4389f09cb8eda09488231346f8"),
        SourceHash.upgrade("Ecotone: L1 Block Deployment"));
  }

  @Test
  void domainsSeparateOtherwiseEqualInputs() {
    assertNotEquals(SourceHash.userDeposit(BLOCK, 3), SourceHash.l1Info(BLOCK, 3));
    assertNotEquals(SourceHash.l1Info(BLOCK, 3), SourceHash.afterForceInclude(BLOCK, 3));
    assertNotEquals(SourceHash.userDeposit(BLOCK, 3), SourceHash.userDeposit(BLOCK, 4));
  }

  @Test
  void hashesTheDomainAndPayloadAsTwoWords() {
    byte[] payload = new byte[64];
    BLOCK.copyTo(payload, 0);
    payload[63] = 7;
    byte[] outer = new byte[64];
    outer[31] = 1;
    Keccak.hash(payload).copyTo(outer, 32);
    assertEquals(Keccak.hash(outer), SourceHash.l1Info(BLOCK, 7));

    byte[] upgradeOuter = new byte[64];
    upgradeOuter[31] = 2;
    Keccak.hash("x".getBytes(StandardCharsets.UTF_8)).copyTo(upgradeOuter, 32);
    assertEquals(Keccak.hash(upgradeOuter), SourceHash.upgrade("x"));
  }

  @Test
  void countersAreUnsigned64Bit() {
    byte[] payload = new byte[64];
    BLOCK.copyTo(payload, 0);
    for (int i = 56; i < 64; i++) {
      payload[i] = (byte) 0xff;
    }
    byte[] full = new byte[64];
    Keccak.hash(payload).copyTo(full, 32);
    assertEquals(Keccak.hash(full), SourceHash.userDeposit(BLOCK, -1L));
  }
}
