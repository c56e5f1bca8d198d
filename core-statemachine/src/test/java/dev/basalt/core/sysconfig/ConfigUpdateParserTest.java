package dev.basalt.core.sysconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigUpdateParserTest {
  static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");

  static String word(long v) {
    return String.format("%064x", v);
  }

  static Hash32 typeTopic(int type) {
    return Hash32.fromHex(word(type));
  }

  /** A version-0 ConfigUpdate log of {@code type} whose data is abi.encode(bytes payload). */
  static Log update(int type, String payloadHex) {
    String data = word(32) + word(payloadHex.length() / 2) + payloadHex;
    return new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, typeTopic(type)), Bytes.fromHex(data));
  }

  static ConfigUpdate parsed(Log log) {
    return assertInstanceOf(ParsedConfigUpdate.Parsed.class, ConfigUpdateParser.parse(log)).update();
  }

  static ConfigUpdateError rejected(Log log) {
    return assertInstanceOf(ParsedConfigUpdate.Rejected.class, ConfigUpdateParser.parse(log)).error();
  }

  @Test
  void topicIsTheKeccakOfTheEventSignature() {
    assertEquals(Keccak.hash("ConfigUpdate(uint256,uint8,bytes)".getBytes(StandardCharsets.UTF_8)),
        ConfigUpdateParser.CONFIG_UPDATE_TOPIC);
  }

  @Test
  void parsesEveryUpdateType() {
    assertEquals(new ConfigUpdate.Batcher(Address.fromHex("0x" + "12".repeat(20))),
        parsed(update(0, "00".repeat(12) + "12".repeat(20))));
    assertEquals(new ConfigUpdate.FeeScalars(Hash32.fromHex(word(0xbc)), Hash32.fromHex(word(0xa6fe0))),
        parsed(update(1, word(0xbc) + word(0xa6fe0))));
    assertEquals(new ConfigUpdate.GasLimit(30_000_000), parsed(update(2, word(30_000_000))));
    assertEquals(new ConfigUpdate.UnsafeBlockSigner(Address.fromHex("0x" + "34".repeat(20))),
        parsed(update(3, "00".repeat(12) + "34".repeat(20))));
    assertEquals(new ConfigUpdate.Eip1559Params(250, 6), parsed(update(4, "00".repeat(24) + "000000fa" + "00000006")));
    assertEquals(new ConfigUpdate.OperatorFee(0x1234, 0x0102030405060708L),
        parsed(update(5, "00".repeat(20) + "00001234" + "0102030405060708")));
    assertEquals(new ConfigUpdate.MinBaseFee(1_000_000_000), parsed(update(6, word(1_000_000_000))));
    assertEquals(new ConfigUpdate.DaFootprintGasScalar(0xbeef), parsed(update(7, word(0xbeef))));
  }

  @Test
  void readsU64ValuesAsUnsigned() {
    assertEquals(new ConfigUpdate.GasLimit(-1L), parsed(update(2, "00".repeat(24) + "ff".repeat(8))));
  }

  @Test
  void rejectsBadTopics() {
    Log good = update(2, word(1));
    assertEquals(ConfigUpdateError.TOPIC_COUNT,
        rejected(new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO), good.data())));
    assertEquals(ConfigUpdateError.TOPIC_COUNT, rejected(new Log(SYSTEM_CONFIG,
        List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, typeTopic(2), Hash32.ZERO), good.data())));
    assertEquals(ConfigUpdateError.NOT_CONFIG_UPDATE_EVENT,
        rejected(new Log(SYSTEM_CONFIG, List.of(Hash32.ZERO, Hash32.ZERO, typeTopic(2)), good.data())));
    assertEquals(ConfigUpdateError.UNKNOWN_VERSION, rejected(new Log(SYSTEM_CONFIG,
        List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.fromHex(word(1)), typeTopic(2)), good.data())));
    assertEquals(ConfigUpdateError.UNKNOWN_TYPE, rejected(update(8, word(1))));
    // op-node compares all 32 bytes of the type topic; kona would read type 2 from the last 8.
    Hash32 dirtyType = Hash32.fromHex("0x61" + "00".repeat(30) + "02");
    assertEquals(ConfigUpdateError.UNKNOWN_TYPE,
        rejected(new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, dirtyType), good.data())));
  }

  @Test
  void rejectsBadAbiFraming() {
    assertEquals(ConfigUpdateError.INVALID_POINTER, rejected(withData(2, "")));
    assertEquals(ConfigUpdateError.INVALID_POINTER, rejected(withData(2, word(33) + word(32) + word(1))));
    assertEquals(ConfigUpdateError.INVALID_POINTER, rejected(withData(2, "01" + word(32).substring(2) + word(32) + word(1))));
    assertEquals(ConfigUpdateError.INVALID_LENGTH, rejected(withData(2, word(32) + word(33) + word(1))));
    assertEquals(ConfigUpdateError.INVALID_LENGTH, rejected(withData(1, word(32) + word(32) + word(1) + word(2))));
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(withData(2, word(32) + word(32))));
    assertEquals(ConfigUpdateError.TOO_MANY_BYTES, rejected(withData(2, word(32) + word(32) + word(1) + "00")));
  }

  @Test
  void rejectsNonZeroPaddingOfNarrowTypes() {
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(update(0, "01" + "00".repeat(11) + "12".repeat(20))));
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(update(3, "ff".repeat(32))));
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(update(2, "01" + word(1).substring(2))));
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(update(6, "ff".repeat(32))));
    assertEquals(ConfigUpdateError.INVALID_VALUE, rejected(update(7, "00".repeat(29) + "01" + "0000")));
  }

  @Test
  void eip1559ParamsFollowOpNode() {
    assertEquals(new ConfigUpdate.Eip1559Params(0, 0), parsed(update(4, word(0))));
    assertEquals(ConfigUpdateError.INVALID_EIP1559_PARAMS, rejected(update(4, word(1))));
    assertEquals(ConfigUpdateError.INVALID_EIP1559_PARAMS, rejected(update(4, "00".repeat(24) + "00000001" + "00000000")));
    // op-node uses only the last 8 bytes; the upper 24 are not checked (kona rejects them).
    assertEquals(new ConfigUpdate.Eip1559Params(0xffff_ffffL, 0xffff_ffffL), parsed(update(4, "ff".repeat(32))));
  }

  @Test
  void operatorFeeIgnoresTheUpperTwentyBytes() {
    assertEquals(new ConfigUpdate.OperatorFee(0xbabe, 0xbeef), parsed(update(5, "ff".repeat(20) + "0000babe" + "000000000000beef")));
  }

  private static Log withData(int type, String dataHex) {
    return new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, typeTopic(type)), Bytes.fromHex(dataHex));
  }
}
