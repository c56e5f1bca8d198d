package dev.basalt.core.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DepositTransactionTest {
  private static final Hash32 SOURCE = Hash32.fromHex("0x" + "11".repeat(32));
  private static final Address FROM = Address.fromHex("0x" + "22".repeat(20));
  private static final Address TO = Address.fromHex("0x" + "33".repeat(20));

  @Test
  void encodesTheFieldsInSpecOrderBehindTheTypeByte() {
    DepositTransaction tx =
        new DepositTransaction(SOURCE, FROM, TO, BigInteger.ZERO, BigInteger.valueOf(0x80), 21_000, false, Bytes.fromHex("0x01"));
    // List payload: 33 (hash) + 21 (from) + 21 (to) + 1 (mint 0x80) + 2 (value 0x8180)
    // + 3 (gas 0x825208) + 1 (false 0x80) + 1 (data 0x01) = 83 bytes -> long list header f853.
    String expected = "0x7ef853"
        + "a0" + "11".repeat(32)
        + "94" + "22".repeat(20)
        + "94" + "33".repeat(20)
        + "80" + "8180" + "825208" + "80" + "01";
    assertEquals(expected, tx.encode().toHex());
    assertEquals(Keccak.hash(Hex.decode(expected)), tx.txHash());
  }

  @Test
  void creationEncodesToAsTheEmptyStringAndDecodesBackToNull() {
    DepositTransaction tx =
        new DepositTransaction(SOURCE, FROM, null, BigInteger.TEN, BigInteger.ZERO, 1000, true, Bytes.EMPTY);
    Bytes encoded = tx.encode();
    assertTrue(encoded.toHex().contains("94" + "22".repeat(20) + "80" + "0a" + "80" + "8203e8" + "01" + "80"));
    DepositTransaction back = DepositTransaction.decode(encoded);
    assertNull(back.to());
    assertTrue(back.isCreation());
    assertEquals(tx, back);
  }

  @Test
  void roundTripsTheLargestValues() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    DepositTransaction tx = new DepositTransaction(SOURCE, FROM, TO, max, max, -1L, true, Bytes.of(new byte[300]));
    assertEquals(tx, DepositTransaction.decode(tx.encode()));
  }

  @Test
  void rejectsValuesOutsideU256() {
    BigInteger tooBig = BigInteger.ONE.shiftLeft(256);
    assertThrows(IllegalArgumentException.class,
        () -> new DepositTransaction(SOURCE, FROM, TO, tooBig, BigInteger.ZERO, 0, false, Bytes.EMPTY));
    assertThrows(IllegalArgumentException.class,
        () -> new DepositTransaction(SOURCE, FROM, TO, BigInteger.ZERO, BigInteger.valueOf(-1), 0, false, Bytes.EMPTY));
  }

  @Test
  void rejectsEverythingButTheCanonicalForm() {
    String head = "a0" + "11".repeat(32) + "94" + "22".repeat(20);
    String to = "94" + "33".repeat(20);
    // mint, value, gas, isSystemTx, data: all empty strings.
    String good = deposit(head + to + "80808080" + "80");
    assertEquals(BigInteger.ZERO, DepositTransaction.decode(Bytes.fromHex(good)).mint());
    assertThrows(DecodeException.class, () -> DepositTransaction.decode(Bytes.EMPTY), "empty");
    assertThrows(DecodeException.class, () -> DepositTransaction.decode(Bytes.fromHex("0x02" + good.substring(4))), "other type");
    assertThrows(DecodeException.class, () -> DepositTransaction.decode(Bytes.fromHex(good + "00")), "trailing byte");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(good.substring(0, good.length() - 2))), "truncated");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(deposit(head + to + "808080" + "02" + "80"))), "bool 2");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(deposit(head + to + "8080" + "820001" + "80" + "80"))), "gas with leading zero");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(deposit(head + to + "80808080" + "80" + "80"))), "ninth field");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(deposit(head + "93" + "33".repeat(19) + "80808080" + "80"))), "19-byte to");
    assertThrows(DecodeException.class,
        () -> DepositTransaction.decode(Bytes.fromHex(deposit(head + to + "a1" + "01" + "00".repeat(32) + "808080" + "80"))),
        "mint over 256 bits");
  }

  /** The type byte and a list header for a body of 56..255 bytes. */
  private static String deposit(String bodyHex) {
    int length = bodyHex.length() / 2;
    return "0x7ef8" + String.format("%02x", length) + bodyHex;
  }
}
