package dev.basalt.core.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositLogsTest {
  private static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");
  private static final Hash32 BLOCK = Hash32.fromHex("0x" + "0b".repeat(32));
  private static final Address FROM = Address.fromHex("0x" + "aa".repeat(20));
  private static final Address TO = Address.fromHex("0x" + "bb".repeat(20));

  /** Version-0 opaque data: mint, value, gas, creation flag, calldata. */
  private static String opaque(long mint, long value, long gas, int creation, String calldataHex) {
    return word(mint) + word(value) + String.format("%016x", gas) + String.format("%02x", creation) + calldataHex;
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  /** abi.encode(bytes): offset 32, length, content padded to a word boundary. */
  private static Bytes abiBytes(String contentHex) {
    int length = contentHex.length() / 2;
    int padded = (length + 31) / 32 * 32;
    return Bytes.fromHex(word(32) + word(length) + contentHex + "00".repeat(padded - length));
  }

  private static Hash32 addressTopic(Address a) {
    return Hash32.fromHex("0x" + "00".repeat(12) + a.toHex().substring(2));
  }

  private static Log depositLog(Bytes data) {
    return new Log(PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, addressTopic(FROM), addressTopic(TO), Hash32.ZERO), data);
  }

  private static DepositTransaction valid(DecodedDepositLog d) {
    return assertInstanceOf(DecodedDepositLog.Valid.class, d).deposit();
  }

  private static DepositLogError invalid(DecodedDepositLog d) {
    return assertInstanceOf(DecodedDepositLog.Invalid.class, d).error();
  }

  @Test
  void decodesAVersion0Deposit() {
    DepositTransaction tx = valid(DepositLogs.decode(depositLog(abiBytes(opaque(5, 7, 100_000, 0, "c0ffee"))), BLOCK, 9));
    assertEquals(SourceHash.userDeposit(BLOCK, 9), tx.sourceHash());
    assertEquals(FROM, tx.from());
    assertEquals(TO, tx.to());
    assertEquals(BigInteger.valueOf(5), tx.mint());
    assertEquals(BigInteger.valueOf(7), tx.value());
    assertEquals(100_000, tx.gasLimit());
    assertEquals(false, tx.isSystemTx());
    assertEquals("0xc0ffee", tx.data().toHex());
  }

  @Test
  void anyNonZeroCreationByteMakesACreation() {
    assertNull(valid(DepositLogs.decode(depositLog(abiBytes(opaque(0, 0, 1, 1, ""))), BLOCK, 0)).to());
    assertNull(valid(DepositLogs.decode(depositLog(abiBytes(opaque(0, 0, 1, 0x80, ""))), BLOCK, 0)).to());
  }

  @Test
  void takesAddressesFromTheLow20BytesOfTheTopicsAsOpNodeDoes() {
    Hash32 dirtyFrom = Hash32.fromHex("0x" + "ff".repeat(12) + "aa".repeat(20));
    Log log = new Log(PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, dirtyFrom, addressTopic(TO), Hash32.ZERO),
        abiBytes(opaque(0, 0, 1, 0, "")));
    assertEquals(FROM, valid(DepositLogs.decode(log, BLOCK, 0)).from());
  }

  @Test
  void rejectsMalformedLogsWithTheirReason() {
    Bytes good = abiBytes(opaque(0, 0, 1, 0, "01"));
    assertEquals(DepositLogError.TOPIC_COUNT, invalid(DepositLogs.decode(
        new Log(PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, addressTopic(FROM), addressTopic(TO)), good), BLOCK, 0)));
    assertEquals(DepositLogError.NOT_DEPOSIT_EVENT, invalid(DepositLogs.decode(
        new Log(PORTAL, List.of(Hash32.ZERO, addressTopic(FROM), addressTopic(TO), Hash32.ZERO), good), BLOCK, 0)));
    assertEquals(DepositLogError.UNSUPPORTED_VERSION, invalid(DepositLogs.decode(
        new Log(PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, addressTopic(FROM), addressTopic(TO),
            Hash32.fromHex("0x" + "00".repeat(31) + "01")), good), BLOCK, 0)));
    assertEquals(DepositLogError.DATA_TOO_SHORT, invalid(DepositLogs.decode(depositLog(Bytes.fromHex(word(32))), BLOCK, 0)));
    assertEquals(DepositLogError.DATA_NOT_WORD_ALIGNED,
        invalid(DepositLogs.decode(depositLog(Bytes.fromHex(good.toHex() + "00")), BLOCK, 0)));
    assertEquals(DepositLogError.BAD_OPAQUE_OFFSET,
        invalid(DepositLogs.decode(depositLog(Bytes.fromHex(word(64) + good.toHex().substring(2 + 64))), BLOCK, 0)));
    assertEquals(DepositLogError.OPAQUE_DATA_TOO_SHORT,
        invalid(DepositLogs.decode(depositLog(abiBytes(opaque(0, 0, 1, 0, "").substring(2))), BLOCK, 0)));
  }

  @Test
  void checksTheOpaqueLengthAgainstTheDataAndItsPadding() {
    String content = opaque(0, 0, 1, 0, "01"); // 74 bytes, padded to 96
    String padding = "00".repeat(96 - 74);
    assertEquals(DepositLogError.BAD_OPAQUE_LENGTH, invalid(DepositLogs.decode(
        depositLog(Bytes.fromHex(word(32) + word(97) + content + padding)), BLOCK, 0)), "longer than the data");
    assertEquals(DepositLogError.BAD_OPAQUE_LENGTH, invalid(DepositLogs.decode(
        depositLog(Bytes.fromHex(word(32) + word(74) + content + padding + "00".repeat(32))), BLOCK, 0)), "a whole padding word too many");
    assertEquals(DepositLogError.BAD_OPAQUE_LENGTH, invalid(DepositLogs.decode(
        depositLog(Bytes.fromHex(word(32) + "01" + "00".repeat(23) + String.format("%016x", 74) + content + padding)), BLOCK, 0)),
        "length wider than 64 bits");
    assertEquals(DepositLogError.BAD_OPAQUE_LENGTH, invalid(DepositLogs.decode(
        depositLog(Bytes.fromHex(word(32) + "00".repeat(24) + "ffffffffffffffff" + content + padding)), BLOCK, 0)),
        "length with the top bit set");
    // op-node does not look at the padding bytes' values.
    DepositTransaction tx = valid(DepositLogs.decode(
        depositLog(Bytes.fromHex(word(32) + word(74) + content + "ff".repeat(96 - 74))), BLOCK, 0));
    assertEquals("0x01", tx.data().toHex());
  }

  @Test
  void deriveKeepsOnlySuccessfulDepositEventsOfThePortalInLogOrder() {
    Log first = depositLog(abiBytes(opaque(1, 0, 50_000, 0, "")));
    Log second = depositLog(abiBytes(opaque(2, 0, 50_000, 0, "")));
    Log otherEmitter = new Log(TO, first.topics(), first.data());
    Log otherEvent = new Log(PORTAL, List.of(Hash32.fromHex("0x" + "01".repeat(32))), Bytes.EMPTY);
    Log noTopics = new Log(PORTAL, List.of(), Bytes.EMPTY);
    List<ReceiptLog> logs = List.of(
        new ReceiptLog(otherEmitter, 0, true),
        new ReceiptLog(first, 1, true),
        new ReceiptLog(second, 2, false),
        new ReceiptLog(otherEvent, 3, true),
        new ReceiptLog(noTopics, 4, true),
        new ReceiptLog(second, 5, true));
    UserDeposits.Derived derived = assertInstanceOf(UserDeposits.Derived.class, DepositLogs.derive(logs, BLOCK, PORTAL));
    assertEquals(2, derived.deposits().size());
    assertEquals(BigInteger.ONE, derived.deposits().get(0).mint());
    assertEquals(SourceHash.userDeposit(BLOCK, 1), derived.deposits().get(0).sourceHash());
    assertEquals(SourceHash.userDeposit(BLOCK, 5), derived.deposits().get(1).sourceHash());
  }

  @Test
  void oneMalformedDepositRejectsTheWholeBlock() {
    Log good = depositLog(abiBytes(opaque(1, 0, 50_000, 0, "")));
    Log bad = depositLog(Bytes.fromHex(word(32)));
    Log failedAndBad = depositLog(Bytes.EMPTY);
    List<ReceiptLog> logs = List.of(new ReceiptLog(good, 0, true), new ReceiptLog(bad, 1, true),
        new ReceiptLog(failedAndBad, 2, false), new ReceiptLog(bad, 3, true));
    UserDeposits.Rejected rejected = assertInstanceOf(UserDeposits.Rejected.class, DepositLogs.derive(logs, BLOCK, PORTAL));
    assertEquals(List.of(1L, 3L), rejected.malformed().stream().map(MalformedDepositLog::logIndex).toList());
    assertEquals(DepositLogError.DATA_TOO_SHORT, rejected.malformed().get(0).error());
  }

  @Test
  void topicConstantIsTheKeccakOfTheEventSignature() {
    assertEquals(
        Keccak.hash("TransactionDeposited(address,address,uint256,bytes)".getBytes(StandardCharsets.UTF_8)),
        DepositLogs.TRANSACTION_DEPOSITED_TOPIC);
  }
}
