package dev.basalt.core.derive.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** op-node's AttributesMatchBlock: every field it compares, and the 0,0 → Canyon defaults translation. */
class AttributesMatcherTest {
  // Canyon 100, Ecotone 300, Holocene 600, Jovian 800.
  private static final RollupConfig ROLLUP = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);
  private static final Hash32 PARENT = Hash32.fromHex("0x" + "9a".repeat(32));
  private static final Hash32 BEACON = Hash32.fromHex("0x" + "be".repeat(32));
  private static final Address VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  private static final List<Bytes> TXS = List.of(Bytes.fromHex("0x7ef8"), Bytes.fromHex("0x02f8"));

  private static PayloadAttributes attributes(long time, Optional<Bytes> params, OptionalLong minBaseFee) {
    return new PayloadAttributes(time, Hash32.fromHex("0x" + "3e".repeat(32)), VAULT, Optional.of(List.of()), Optional.of(BEACON), TXS,
        true, 30_000_000, params, minBaseFee);
  }

  private static final PayloadAttributes HOLOCENE = attributes(602, Optional.of(Bytes.fromHex("0x0000006400000004")), OptionalLong.empty());

  /** The block a well-behaved engine builds from {@code a}, then changed by {@code edit}. */
  private static ExecutionPayloadEnvelope block(PayloadAttributes a, UnaryOperator<Payload> edit) {
    Payload p = edit.apply(new Payload(PARENT, a.timestamp(), a.prevRandao(), a.transactions(), a.gasLimit(), a.withdrawals(),
        a.suggestedFeeRecipient(), FeeParamsExtraData.forAttributes(ROLLUP, a.eip1559Params(), a.minBaseFee()), a.parentBeaconBlockRoot()));
    ExecutionPayload payload = new ExecutionPayload(p.parent(), p.feeRecipient(), Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]),
        p.prevRandao(), 301, p.gasLimit(), 0, p.time(), p.extraData(), BigInteger.ONE, Hash32.ZERO, p.txs(), p.withdrawals(),
        OptionalLong.of(0), OptionalLong.of(0), Optional.empty());
    return new ExecutionPayloadEnvelope(payload, p.beaconRoot());
  }

  /** The fields AttributesMatchBlock looks at. */
  private record Payload(Hash32 parent, long time, Hash32 prevRandao, List<Bytes> txs, long gasLimit,
      Optional<List<Withdrawal>> withdrawals, Address feeRecipient, Bytes extraData, Optional<Hash32> beaconRoot) {
    Payload with(int field, Object v) {
      return new Payload(field == 0 ? (Hash32) v : parent, field == 1 ? (Long) v : time, field == 2 ? (Hash32) v : prevRandao,
          field == 3 ? castList(v) : txs, field == 4 ? (Long) v : gasLimit, field == 5 ? castWithdrawals(v) : withdrawals,
          field == 6 ? (Address) v : feeRecipient, field == 7 ? (Bytes) v : extraData, field == 8 ? castRoot(v) : beaconRoot);
    }

    @SuppressWarnings("unchecked")
    private static List<Bytes> castList(Object v) {
      return (List<Bytes>) v;
    }

    @SuppressWarnings("unchecked")
    private static Optional<List<Withdrawal>> castWithdrawals(Object v) {
      return (Optional<List<Withdrawal>>) v;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Hash32> castRoot(Object v) {
      return (Optional<Hash32>) v;
    }
  }

  private static String mismatch(PayloadAttributes a, int field, Object value) {
    AttributesMatch m = AttributesMatcher.check(ROLLUP, a, PARENT, block(a, p -> p.with(field, value)));
    return assertInstanceOf(AttributesMatch.Mismatch.class, m).reason();
  }

  @Test
  void theBlockTheEngineBuildsMatches() {
    assertTrue(AttributesMatcher.check(ROLLUP, HOLOCENE, PARENT, block(HOLOCENE, p -> p)).isMatch());
    PayloadAttributes jovian = attributes(802, Optional.of(Bytes.fromHex("0x0000000000000000")), OptionalLong.of(5));
    assertTrue(AttributesMatcher.check(ROLLUP, jovian, PARENT, block(jovian, p -> p)).isMatch());
  }

  @Test
  void everyComparedFieldCanMismatch() {
    assertTrue(mismatch(HOLOCENE, 0, Hash32.ZERO).startsWith("parent hash"));
    assertTrue(mismatch(HOLOCENE, 1, 604L).startsWith("timestamp"));
    assertTrue(mismatch(HOLOCENE, 2, Hash32.ZERO).startsWith("random"));
    assertTrue(mismatch(HOLOCENE, 3, TXS.subList(0, 1)).startsWith("transaction count"));
    assertTrue(mismatch(HOLOCENE, 3, List.of(TXS.get(0), Bytes.fromHex("0x02f9"))).startsWith("transaction 1 does not match"));
    assertTrue(mismatch(HOLOCENE, 4, 30_000_001L).startsWith("gas limit"));
    assertTrue(mismatch(HOLOCENE, 5, Optional.empty()).contains("to be non-nil"));
    Withdrawal w = new Withdrawal(1, 2, VAULT, 3);
    assertTrue(mismatch(HOLOCENE, 5, Optional.of(List.of(w))).contains("to be 0, actual 1"));
    assertTrue(mismatch(HOLOCENE, 6, Address.ZERO).startsWith("fee recipient"));
    assertTrue(mismatch(HOLOCENE, 8, Optional.empty()).contains("but got nil"));
    assertTrue(mismatch(HOLOCENE, 8, Optional.of(Hash32.ZERO)).startsWith("parent beacon block root does not match"));
    assertTrue(mismatch(HOLOCENE, 7, Bytes.fromHex("0x000000006400000005")).startsWith("eip1559 parameters do not match"));
    assertTrue(mismatch(HOLOCENE, 7, Bytes.fromHex("0x0000000064000000")).startsWith("invalid block extraData"));
  }

  @Test
  void zeroParamsMatchOnlyTheCanyonDefaults() {
    PayloadAttributes zeros = attributes(602, Optional.of(Bytes.fromHex("0x0000000000000000")), OptionalLong.empty());
    assertTrue(AttributesMatcher.check(ROLLUP, zeros, PARENT, block(zeros, p -> p.with(7, Bytes.fromHex("0x00000000fa00000006")))).isMatch());
    assertTrue(mismatch(zeros, 7, Bytes.fromHex("0x000000003200000006")).contains("translated from 0,0"));
  }

  @Test
  void beforeHoloceneTheHeaderMustHaveNoExtraData() {
    PayloadAttributes ecotone = new PayloadAttributes(302, Hash32.ZERO, VAULT, Optional.of(List.of()), Optional.of(BEACON), TXS, true,
        30_000_000, Optional.empty(), OptionalLong.empty());
    assertTrue(AttributesMatcher.check(ROLLUP, ecotone, PARENT, block(ecotone, p -> p)).isMatch());
    assertTrue(mismatch(ecotone, 7, Bytes.fromHex("0xd883")).startsWith("nil EIP1559Params"));
    PayloadAttributes bedrock = new PayloadAttributes(98, Hash32.ZERO, VAULT, Optional.empty(), Optional.empty(), TXS, true,
        30_000_000, Optional.empty(), OptionalLong.empty());
    assertTrue(mismatch(bedrock, 5, Optional.of(List.of())).contains("to be nil"));
    assertTrue(mismatch(bedrock, 8, Optional.of(BEACON)).startsWith("expected nil parent beacon block root"));
  }

  @Test
  void jovianComparesTheMinimumBaseFee() {
    PayloadAttributes jovian = attributes(802, Optional.of(Bytes.fromHex("0x000000fa00000006")), OptionalLong.of(5));
    assertTrue(mismatch(jovian, 7, Bytes.fromHex("0x01000000fa000000060000000000000006")).startsWith("minBaseFee does not match"));
    assertTrue(mismatch(jovian, 7, Bytes.fromHex("0x00000000fa00000006")).startsWith("invalid block extraData"));
    PayloadAttributes missing = attributes(802, Optional.of(Bytes.fromHex("0x000000fa00000006")), OptionalLong.empty());
    ExecutionPayloadEnvelope withFee = block(jovian, p -> p);
    String reason = assertInstanceOf(AttributesMatch.Mismatch.class, AttributesMatcher.check(ROLLUP, missing, PARENT, withFee)).reason();
    assertEquals("missing minBaseFee in attributes of a Jovian block", reason);
  }
}
