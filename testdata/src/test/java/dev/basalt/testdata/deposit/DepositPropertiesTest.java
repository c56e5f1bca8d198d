package dev.basalt.testdata.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.deposit.DecodedDepositLog;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded round trips of deposit transactions and deposit logs, and garbage that must not crash. */
class DepositPropertiesTest {
  private static final long SEED = 0x5EED_D3_0001L;
  private static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");

  static DepositTransaction randomDeposit(SimRng rng) {
    Address to = rng.chance(1, 4) ? null : Address.wrap(rng.bytes(20));
    return new DepositTransaction(Hash32.wrap(rng.bytes(32)), Address.wrap(rng.bytes(20)), to,
        randomU256(rng), randomU256(rng), rng.nextLong(), rng.nextBoolean(), Bytes.of(rng.bytes(rng.nextInt(300))));
  }

  /** Zero, small, and full-width values, so every RLP length form occurs. */
  static BigInteger randomU256(SimRng rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.valueOf(rng.nextInt(256));
      case 2 -> new BigInteger(1, rng.bytes(rng.nextInt(32) + 1));
      default -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    };
  }

  @Test
  void depositTransactionsRoundTrip() {
    SimRng rng = new SimRng(SEED).fork("deposit-roundtrip");
    for (int i = 0; i < 3_000; i++) {
      DepositTransaction tx = randomDeposit(rng);
      Bytes encoded = tx.encode();
      assertEquals(tx, DepositTransaction.decode(encoded), "case " + i);
      assertEquals(encoded, DepositTransaction.decode(encoded).encode(), "case " + i);
    }
  }

  /**
   * A log in the form OptimismPortal emits (op-node {@code MarshalDepositLogEvent}): topics from,
   * to (zero for a creation), version 0; data {@code abi.encode(bytes opaqueData)}.
   */
  static Log depositLogFor(DepositTransaction d) {
    byte[] opaque = new byte[73 + d.data().length()];
    putU256(opaque, 0, d.mint());
    putU256(opaque, 32, d.value());
    for (int i = 0; i < 8; i++) {
      opaque[64 + i] = (byte) (d.gasLimit() >>> (56 - 8 * i));
    }
    opaque[72] = (byte) (d.isCreation() ? 1 : 0);
    d.data().copyTo(opaque, 73);
    int padded = (opaque.length + 31) / 32 * 32;
    byte[] data = new byte[64 + padded];
    data[31] = 32;
    for (int i = 0; i < 4; i++) {
      data[63 - i] = (byte) (opaque.length >>> (8 * i));
    }
    System.arraycopy(opaque, 0, data, 64, opaque.length);
    return new Log(PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, topic(d.from()),
        d.to() == null ? Hash32.ZERO : topic(d.to()), Hash32.ZERO), Bytes.wrapOwned(data));
  }

  private static void putU256(byte[] out, int offset, BigInteger v) {
    byte[] b = v.toByteArray();
    int skip = b[0] == 0 && b.length > 1 ? 1 : 0;
    System.arraycopy(b, skip, out, offset + 32 - (b.length - skip), b.length - skip);
  }

  private static Hash32 topic(Address a) {
    byte[] t = new byte[32];
    a.copyTo(t, 12);
    return Hash32.wrap(t);
  }

  @Test
  void portalLogsDecodeBackToTheirDeposit() {
    SimRng rng = new SimRng(SEED).fork("log-roundtrip");
    for (int i = 0; i < 2_000; i++) {
      DepositTransaction d = randomDeposit(rng);
      Hash32 block = Hash32.wrap(rng.bytes(32));
      long logIndex = rng.nextLong(1_000_000);
      DepositTransaction expected = new DepositTransaction(SourceHash.userDeposit(block, logIndex), d.from(), d.to(),
          d.mint(), d.value(), d.gasLimit(), false, d.data());
      DecodedDepositLog decoded = DepositLogs.decode(depositLogFor(d), block, logIndex);
      assertEquals(expected, assertInstanceOf(DecodedDepositLog.Valid.class, decoded, "case " + i).deposit(), "case " + i);
    }
  }

  @Test
  void garbageNeverCrashesTheDecoders() {
    SimRng rng = new SimRng(SEED).fork("garbage");
    List<byte[]> seeds = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seeds.add(randomDeposit(rng).encode().toArray());
    }
    for (int i = 0; i < 5_000; i++) {
      byte[] input = Garbage.mutate(rng, seeds.get(rng.nextInt(seeds.size())));
      try {
        DepositTransaction tx = DepositTransaction.decode(input);
        assertEquals(Bytes.of(input), tx.encode(), "anything accepted is canonical, case " + i);
      } catch (DecodeException expected) {
        // rejected, as it should be for most mutations
      }
    }
  }

  @Test
  void garbageLogsGiveAResultNeverAnException() {
    SimRng rng = new SimRng(SEED).fork("garbage-logs");
    List<Log> seeds = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seeds.add(depositLogFor(randomDeposit(rng)));
    }
    for (int i = 0; i < 5_000; i++) {
      Log base = seeds.get(rng.nextInt(seeds.size()));
      List<Hash32> topics = new ArrayList<>(base.topics());
      if (rng.chance(1, 5)) {
        topics.remove(rng.nextInt(topics.size()));
      } else if (rng.chance(1, 5)) {
        topics.set(rng.nextInt(topics.size()), Hash32.wrap(Garbage.flip(rng, topics.get(0).toArray())));
      }
      Log log = new Log(PORTAL, topics, Bytes.of(Garbage.mutate(rng, base.data().toArray())));
      DecodedDepositLog result = DepositLogs.decode(log, Hash32.ZERO, i);
      if (result instanceof DecodedDepositLog.Valid v) {
        assertEquals(v.deposit(), DepositTransaction.decode(v.deposit().encode()));
      }
    }
  }
}
