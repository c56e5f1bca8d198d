package dev.basalt.core.sysconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The runtime-config slots follow from their names: the SystemConfig's signer slot is the plain
 * {@code keccak256} (older than the {@code - 1} convention, despite what some comments say), the
 * ProtocolVersions slots are {@code keccak256(name) - 1}.
 */
class SystemConfigSlotsTest {
  private static Hash32 slot(String name, int minus) {
    BigInteger k = new BigInteger(1, Keccak.hash(name.getBytes(StandardCharsets.US_ASCII)).toArray()).subtract(BigInteger.valueOf(minus));
    return Hash32.fromHex(String.format("%064x", k));
  }

  @Test
  void slotsFollowFromTheirNames() {
    assertEquals(slot("systemconfig.unsafeblocksigner", 0), SystemConfigSlots.UNSAFE_BLOCK_SIGNER);
    assertEquals(slot("protocolversion.required", 1), SystemConfigSlots.REQUIRED_PROTOCOL_VERSION);
    assertEquals(slot("protocolversion.recommended", 1), SystemConfigSlots.RECOMMENDED_PROTOCOL_VERSION);
  }
}
