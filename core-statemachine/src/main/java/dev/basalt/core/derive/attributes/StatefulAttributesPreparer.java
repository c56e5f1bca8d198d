package dev.basalt.core.derive.attributes;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.MalformedDepositLog;
import dev.basalt.core.deposit.UserDeposits;
import dev.basalt.core.derive.AttributesPreparer;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.l1info.L1InfoDeposit;
import dev.basalt.core.l1info.L1OriginFields;
import dev.basalt.core.sysconfig.SystemConfigUpdater;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Unsigned;
import dev.basalt.core.upgrade.NetworkUpgrades;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * op-node's {@code PreparePayloadAttributes} ({@code op-node/rollup/derive/attributes.go}) as a
 * pure function: the protocol part of a derived block's attributes, from its parent, its L1
 * origin and its timestamp.
 *
 * <p>Transactions: the L1-attributes deposit (in the form the block's fork dictates), then on the
 * first block of an epoch the origin's user deposits, then on activation blocks the network-upgrade
 * deposits (Ecotone, Fjord, Isthmus, Jovian, Karst). The caller appends the batch's transactions.
 *
 * <p>Outcomes follow op-node's error severities: an origin that does not fit the parent, or a
 * block that would be older than its origin, is a {@link PrepareOutcome.Reset}; a malformed deposit
 * log, or a system config the L1-attributes deposit cannot be built from, is {@link
 * PrepareOutcome.Critical}.
 */
public final class StatefulAttributesPreparer implements AttributesPreparer {
  /** Every derived block's fee recipient: the SequencerFeeVault predeploy. */
  public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");

  private final RollupConfig rollup;
  private final L1ChainConfig l1Chain;
  /** Null: every preparation is computed. */
  private final AttributesMemo memo;

  public StatefulAttributesPreparer(RollupConfig rollup, L1ChainConfig l1Chain) {
    this(rollup, l1Chain, null);
  }

  /** A preparer answering through {@code memo} (the same answers, remembered), or computing every time when null. */
  public StatefulAttributesPreparer(RollupConfig rollup, L1ChainConfig l1Chain, AttributesMemo memo) {
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.l1Chain = Objects.requireNonNull(l1Chain, "l1Chain");
    this.memo = memo;
  }

  /**
   * @throws IllegalArgumentException when {@code timestamp} is not the parent's plus the block
   *     time: a caller bug, not something the chain can present
   */
  @Override
  public PrepareOutcome prepare(L2BlockInfo parent, L1Block epoch, long timestamp) {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(epoch, "epoch");
    long expected = Unsigned.addExact(parent.ref().timestamp(), rollup.blockTimeSeconds());
    if (timestamp != expected) {
      throw new IllegalArgumentException("a child of " + parent.ref() + " has timestamp " + Unsigned.toString(expected)
          + ", not " + Unsigned.toString(timestamp));
    }
    if (memo == null) {
      return compute(parent, epoch, timestamp);
    }
    PrepareOutcome known = memo.find(rollup, l1Chain, parent, epoch, timestamp);
    if (known != null) {
      return known;
    }
    PrepareOutcome outcome = compute(parent, epoch, timestamp);
    memo.remember(rollup, l1Chain, parent, epoch, timestamp, outcome);
    return outcome;
  }

  private PrepareOutcome compute(L2BlockInfo parent, L1Block epoch, long timestamp) {
    return switch (EpochStep.between(parent.ref(), epoch.ref())) {
      case EpochStep.Mismatch m -> new PrepareOutcome.Reset(m.reason());
      case EpochStep.Same s -> build(parent, epoch, timestamp, s.sequenceNumber(), parent.systemConfig(), List.of());
      case EpochStep.Next n -> firstOfEpoch(parent, epoch, timestamp);
    };
  }

  /** Deposits may never be skipped: one malformed deposit log stops derivation (op-node: critical). */
  private PrepareOutcome firstOfEpoch(L2BlockInfo parent, L1Block epoch, long timestamp) {
    UserDeposits deposits = DepositLogs.derive(epoch.logs(), epoch.ref().hash(), rollup.depositContractAddress());
    if (deposits instanceof UserDeposits.Rejected rejected) {
      StringBuilder why = new StringBuilder("failed to derive some deposits of L1 block " + epoch.ref() + ":");
      for (MalformedDepositLog m : rejected.malformed()) {
        why.append(" log ").append(m.logIndex()).append(' ').append(m.error()).append(" (").append(m.detail()).append(')');
      }
      return new PrepareOutcome.Critical(why.toString());
    }
    SystemConfig config = SystemConfigUpdater.apply(parent.systemConfig(), epoch.logs(), rollup, epoch.ref().timestamp()).config();
    return build(parent, epoch, timestamp, 0, config, ((UserDeposits.Derived) deposits).deposits());
  }

  private PrepareOutcome build(L2BlockInfo parent, L1Block epoch, long timestamp, long sequenceNumber, SystemConfig config,
      List<DepositTransaction> userDeposits) {
    // The L1/L2 time invariant: an L2 block is never older than its L1 origin.
    if (Long.compareUnsigned(timestamp, epoch.ref().timestamp()) < 0) {
      return new PrepareOutcome.Reset("cannot build L2 block on top " + parent.ref() + " for time " + Unsigned.toString(timestamp)
          + " before L1 origin " + epoch.ref() + " at time " + epoch.ref().timestamp());
    }
    DepositTransaction l1Info;
    try {
      L1OriginFields origin = OriginFields.of(rollup, l1Chain, epoch, timestamp);
      l1Info = L1InfoDeposit.build(rollup, config, origin, sequenceNumber, timestamp);
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      return new PrepareOutcome.Critical("failed to create the L1-info deposit for L1 origin " + epoch.ref() + ": " + e.getMessage());
    }
    List<Bytes> txs = new ArrayList<>();
    txs.add(l1Info.encode());
    userDeposits.forEach(d -> txs.add(d.encode()));
    NetworkUpgrades.activationDeposits(rollup, timestamp).forEach(d -> txs.add(d.encode()));
    PayloadAttributes attributes;
    try {
      attributes = attributes(epoch, timestamp, config, txs);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return new PrepareOutcome.Critical("the system config cannot be put into attributes: " + e.getMessage());
    }
    return new PrepareOutcome.Prepared(attributes, config);
  }

  /**
   * The fields every fork adds: withdrawals (an empty list from Canyon), the origin's parent beacon
   * block root (from Ecotone; zero when the origin has none), EIP-1559 parameters and the minimum
   * base fee (see {@link FeeAttributes}), and on Karst's activation block its upgrade gas on top of
   * the system config's gas limit.
   */
  private PayloadAttributes attributes(L1Block epoch, long timestamp, SystemConfig config, List<Bytes> txs) {
    Optional<List<Withdrawal>> withdrawals =
        rollup.isActive(Fork.CANYON, timestamp) ? Optional.of(List.of()) : Optional.empty();
    Optional<Hash32> beaconRoot = rollup.isActive(Fork.ECOTONE, timestamp)
        ? Optional.of(epoch.parentBeaconBlockRoot().orElse(Hash32.ZERO))
        : Optional.empty();
    return new PayloadAttributes(timestamp, epoch.mixHash(), SEQUENCER_FEE_VAULT, withdrawals, beaconRoot, txs, true,
        NetworkUpgrades.blockGasLimit(rollup, timestamp, config.gasLimit()),
        FeeAttributes.eip1559Params(rollup, timestamp, config), FeeAttributes.minBaseFee(rollup, timestamp, config));
  }
}
