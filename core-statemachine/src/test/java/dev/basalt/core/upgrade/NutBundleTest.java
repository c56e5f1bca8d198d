package dev.basalt.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class NutBundleTest {
  private static final Address A = Address.fromHex("0x" + "aa".repeat(20));

  @Test
  void qualifiesIntentsWithForkAndPosition() {
    NutBundle bundle = new NutBundle("Karst",
        List.of(new NutTransaction("Deploy X", A, null, 100, Bytes.fromHex("0x01")),
            new NutTransaction("Call Y", A, A, 200, Bytes.EMPTY)), 7, "00");
    List<DepositTransaction> deposits = bundle.deposits();
    assertEquals("Karst 1: Call Y", bundle.qualifiedIntent(1));
    assertEquals(SourceHash.upgrade("Karst 0: Deploy X"), deposits.get(0).sourceHash());
    assertEquals(SourceHash.upgrade("Karst 1: Call Y"), deposits.get(1).sourceHash());
    assertNull(deposits.get(0).to());
    assertEquals(BigInteger.ZERO, deposits.get(1).mint());
    assertFalse(deposits.get(1).isSystemTx());
    assertEquals(307, bundle.upgradeGas());
  }

  @Test
  void upgradeGasRefusesToWrapAround() {
    NutBundle bundle = new NutBundle("Karst", List.of(new NutTransaction("x", A, A, -1L, Bytes.EMPTY)), 1, "00");
    assertThrows(ArithmeticException.class, bundle::upgradeGas);
  }
}
