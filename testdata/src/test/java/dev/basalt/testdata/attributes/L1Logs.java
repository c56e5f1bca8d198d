package dev.basalt.testdata.attributes;

import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.math.BigInteger;
import java.util.List;

/** Logs as the L1 contracts emit them, ABI-encoded here from the event definitions. */
final class L1Logs {
  private L1Logs() {}

  static String word(BigInteger v) {
    return String.format("%064x", v);
  }

  static String word(long v) {
    return word(new BigInteger(Long.toUnsignedString(v)));
  }

  private static Hash32 addressTopic(Address a) {
    return Hash32.fromHex("0x" + "00".repeat(12) + a.toHex().substring(2));
  }

  /** abi.encode(bytes): offset 32, length, content padded to a whole word. */
  private static String abiBytes(String contentHex) {
    int length = contentHex.length() / 2;
    int padded = (length + 31) / 32 * 32;
    return word(32) + word(length) + contentHex + "00".repeat(padded - length);
  }

  /**
   * {@code TransactionDeposited(from, to, version 0, opaqueData)} for {@code d}: opaqueData is
   * mint (32), value (32), gas (8), isCreation (1), data.
   */
  static Log deposit(Address portal, DepositTransaction d) {
    String opaque = word(d.mint()) + word(d.value()) + String.format("%016x", d.gasLimit()) + (d.isCreation() ? "01" : "00")
        + d.data().toHex().substring(2);
    Address to = d.isCreation() ? Address.ZERO : d.to();
    return new Log(portal, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, addressTopic(d.from()), addressTopic(to), Hash32.ZERO),
        Bytes.fromHex(abiBytes(opaque)));
  }

  /** {@code ConfigUpdate(version 0, type, abi.encode(bytes payload))} (specs system-config.md). */
  static Log configUpdate(Address systemConfig, int type, String payloadHex) {
    return new Log(systemConfig, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, Hash32.fromHex(word(type))),
        Bytes.fromHex(abiBytes(payloadHex)));
  }
}
