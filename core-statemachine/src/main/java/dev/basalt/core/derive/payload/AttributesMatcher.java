package dev.basalt.core.derive.payload;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Unsigned;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Compares derived attributes with an existing block, field by field in the order of op-node's
 * {@code AttributesMatchBlock} ({@code op-node/rollup/attributes/engine_consolidate.go}): parent
 * hash, timestamp, prevRandao, transactions (count, then bytes), gas limit, withdrawals, parent
 * beacon block root, fee recipient, then the fee parameters the header's {@code extraData} carries
 * (EIP-1559 parameters from Holocene, the minimum base fee from Jovian).
 *
 * <p>Transactions are compared as bytes, not as decoded transactions: an engine that re-encodes a
 * transaction differently has not built the same block.
 */
public final class AttributesMatcher {
  private AttributesMatcher() {}

  /**
   * @param parentHash the hash of the block the attributes were derived on top of
   * @param envelope the existing block with its parent beacon block root
   */
  public static AttributesMatch check(RollupConfig rollup, PayloadAttributes attributes, Hash32 parentHash,
      ExecutionPayloadEnvelope envelope) {
    ExecutionPayload block = envelope.payload();
    if (!parentHash.equals(block.parentHash())) {
      return mismatch("parent hash field does not match. expected: " + parentHash + ". got: " + block.parentHash());
    }
    if (attributes.timestamp() != block.timestamp()) {
      return mismatch("timestamp field does not match. expected: " + Unsigned.toString(attributes.timestamp())
          + ". got: " + Unsigned.toString(block.timestamp()));
    }
    if (!attributes.prevRandao().equals(block.prevRandao())) {
      return mismatch("random field does not match. expected: " + attributes.prevRandao() + ". got: " + block.prevRandao());
    }
    Optional<String> txs = transactionsDiffer(attributes.transactions(), block.transactions());
    if (txs.isPresent()) {
      return mismatch(txs.get());
    }
    if (attributes.gasLimit() != block.gasLimit()) {
      return mismatch("gas limit does not match. expected " + Unsigned.toString(attributes.gasLimit()) + ". got: "
          + Unsigned.toString(block.gasLimit()));
    }
    Optional<String> differs = withdrawalsDiffer(attributes.withdrawals(), block.withdrawals())
        .or(() -> beaconRootDiffers(attributes.parentBeaconBlockRoot(), envelope.parentBeaconBlockRoot()));
    if (differs.isPresent()) {
      return mismatch(differs.get());
    }
    if (!attributes.suggestedFeeRecipient().equals(block.feeRecipient())) {
      return mismatch("fee recipient data does not match, expected " + attributes.suggestedFeeRecipient() + " but got "
          + block.feeRecipient());
    }
    return feeParamsDiffer(rollup, block.timestamp(), attributes.eip1559Params(), attributes.minBaseFee(), block.extraData())
        .<AttributesMatch>map(AttributesMatch.Mismatch::new)
        .orElse(new AttributesMatch.Matches());
  }

  private static Optional<String> transactionsDiffer(List<Bytes> expected, List<Bytes> actual) {
    if (expected.size() != actual.size()) {
      return Optional.of("transaction count does not match. expected: " + expected.size() + ". got: " + actual.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return Optional.of("transaction " + i + " does not match. expected: " + expected.get(i) + ". got: " + actual.get(i));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> withdrawalsDiffer(Optional<List<Withdrawal>> expected, Optional<List<Withdrawal>> actual) {
    if (expected.isEmpty() && actual.isEmpty()) {
      return Optional.empty();
    }
    if (expected.isEmpty()) {
      return Optional.of("expected withdrawals in block to be nil, actual " + actual.get());
    }
    if (actual.isEmpty()) {
      return Optional.of("expected withdrawals in block to be non-nil " + expected.get() + ", actual nil");
    }
    if (expected.get().size() != actual.get().size()) {
      return Optional.of("expected withdrawals in block to be " + expected.get().size() + ", actual " + actual.get().size());
    }
    for (int i = 0; i < expected.get().size(); i++) {
      if (!expected.get().get(i).equals(actual.get().get(i))) {
        return Optional.of("expected withdrawal " + i + " to be " + expected.get().get(i) + ", actual " + actual.get().get(i));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> beaconRootDiffers(Optional<Hash32> expected, Optional<Hash32> actual) {
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    if (actual.isEmpty()) {
      return Optional.of("expected non-nil parent beacon block root " + expected.get() + " but got nil");
    }
    if (expected.isEmpty()) {
      return Optional.of("expected nil parent beacon block root but got non-nil " + actual.get());
    }
    return Optional.of("parent beacon block root does not match. expected " + expected.get() + ". got: " + actual.get());
  }

  /**
   * op-node {@code checkExtraDataParamsMatch}: attributes without EIP-1559 parameters (before
   * Holocene) need an empty {@code extraData}; with them, the header must be valid for its fork and
   * carry the same values, where attributes 0, 0 stand for the chain's Canyon defaults; from Jovian
   * the minimum base fee must be equal too.
   */
  private static Optional<String> feeParamsDiffer(RollupConfig rollup, long blockTimestamp, Optional<Bytes> params,
      OptionalLong minBaseFee, Bytes extraData) {
    if (params.isEmpty()) {
      return extraData.isEmpty()
          ? Optional.empty()
          : Optional.of("nil EIP1559Params in attributes but non-nil extraData in block: " + extraData);
    }
    long denominator = FeeParamsExtraData.paramsDenominator(params.get());
    long elasticity = FeeParamsExtraData.paramsElasticity(params.get());
    if ((denominator == 0) != (elasticity == 0)) {
      return Optional.of("invalid attributes EIP1559 parameters: " + params.get() + " (one of them 0)");
    }
    boolean translated = denominator == 0;
    if (translated) {
      denominator = rollup.eip1559().denominatorCanyon();
      elasticity = rollup.eip1559().elasticity();
    }
    Optional<String> invalid = FeeParamsExtraData.validate(rollup, blockTimestamp, extraData);
    if (invalid.isPresent()) {
      return Optional.of("invalid block extraData: " + invalid.get());
    }
    FeeParamsExtraData block = FeeParamsExtraData.decode(rollup, blockTimestamp, extraData);
    if (block.denominator() != denominator || block.elasticity() != elasticity) {
      return Optional.of("eip1559 parameters do not match, attributes: " + denominator + ", " + elasticity
          + (translated ? " (translated from 0,0)" : "") + ", block: " + block.denominator() + ", " + block.elasticity());
    }
    if (rollup.isActive(Fork.JOVIAN, blockTimestamp)) {
      if (minBaseFee.isEmpty()) {
        return Optional.of("missing minBaseFee in attributes of a Jovian block");
      }
      if (block.minBaseFee().getAsLong() != minBaseFee.getAsLong()) {
        return Optional.of("minBaseFee does not match, attributes: " + Unsigned.toString(minBaseFee.getAsLong())
            + ", block: " + Unsigned.toString(block.minBaseFee().getAsLong()));
      }
    }
    return Optional.empty();
  }

  private static AttributesMatch mismatch(String reason) {
    return new AttributesMatch.Mismatch(reason);
  }
}
