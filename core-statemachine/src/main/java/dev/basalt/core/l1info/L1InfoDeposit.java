package dev.basalt.core.l1info;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import java.math.BigInteger;

/**
 * Builds and reads the L1-attributes deposit transaction (specs {@code protocol/deposits.md},
 * op-node {@code L1InfoDeposit}): from the depositor account {@code 0xdead…0001} to the L1Block
 * predeploy, mint and value zero, source-hash domain 1. Before Regolith it is a system transaction
 * with 150M gas; from Regolith it is an ordinary deposit with 1M gas.
 */
public final class L1InfoDeposit {
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  public static final Address L1_BLOCK_PREDEPLOY = Address.fromHex("0x4200000000000000000000000000000000000015");
  public static final long BEDROCK_SYSTEM_TX_GAS = 150_000_000L;
  public static final long REGOLITH_SYSTEM_TX_GAS = 1_000_000L;
  /** Jovian: the DA-footprint gas scalar written when the system config holds 0. */
  public static final int DEFAULT_DA_FOOTPRINT_GAS_SCALAR = 400;

  private L1InfoDeposit() {}

  /**
   * The L1-attributes deposit of the L2 block at {@code l2Timestamp} with L1 origin {@code l1}.
   *
   * @throws IllegalArgumentException when an Ecotone-form block's system-config scalar has an
   *     unknown version or bad version-1 padding: op-node cannot build the deposit either and
   *     stops with a critical error (the updater never stores such a scalar from Ecotone on)
   */
  public static DepositTransaction build(
      RollupConfig rollup, SystemConfig system, L1OriginFields l1, long sequenceNumber, long l2Timestamp) {
    L1BlockInfo info = blockInfo(L1InfoForm.forBlock(rollup, l2Timestamp), system, l1, sequenceNumber);
    boolean regolith = rollup.isActive(Fork.REGOLITH, l2Timestamp);
    return new DepositTransaction(
        SourceHash.l1Info(l1.hash(), sequenceNumber),
        DEPOSITOR,
        L1_BLOCK_PREDEPLOY,
        BigInteger.ZERO,
        BigInteger.ZERO,
        regolith ? REGOLITH_SYSTEM_TX_GAS : BEDROCK_SYSTEM_TX_GAS,
        !regolith,
        L1InfoCalldata.encode(info));
  }

  /** The calldata content of {@code form} for the given system config and L1 origin. */
  public static L1BlockInfo blockInfo(L1InfoForm form, SystemConfig system, L1OriginFields l1, long sequenceNumber) {
    L1BlockInfo.Common common =
        new L1BlockInfo.Common(l1.number(), l1.timestamp(), l1.baseFee(), l1.hash(), sequenceNumber, system.batcherAddress());
    if (form == L1InfoForm.BEDROCK) {
      return L1BlockInfo.bedrock(common, system.overhead(), system.scalar());
    }
    long baseFeeScalar = EcotoneScalar.baseFeeScalar(system.scalar());
    long blobBaseFeeScalar = EcotoneScalar.blobBaseFeeScalar(system.scalar());
    return switch (form) {
      case ECOTONE -> L1BlockInfo.ecotone(common, l1.blobBaseFee(), baseFeeScalar, blobBaseFeeScalar);
      case ISTHMUS -> L1BlockInfo.isthmus(common, l1.blobBaseFee(), baseFeeScalar, blobBaseFeeScalar,
          system.operatorFeeScalar(), system.operatorFeeConstant());
      case JOVIAN -> L1BlockInfo.jovian(common, l1.blobBaseFee(), baseFeeScalar, blobBaseFeeScalar,
          system.operatorFeeScalar(), system.operatorFeeConstant(), daFootprintGasScalar(system));
      case BEDROCK -> throw new IllegalStateException("handled above");
    };
  }

  private static int daFootprintGasScalar(SystemConfig system) {
    int scalar = system.daFootprintGasScalar();
    return scalar == 0 ? DEFAULT_DA_FOOTPRINT_GAS_SCALAR : scalar;
  }

  /**
   * Reads the L1 information back from an L2 block's first transaction, whose calldata must be of
   * {@code form} (see {@link L1InfoForm#forBlock}). Like op-node ({@code L1BlockInfoFromBytes}) it
   * looks only at the calldata, not at sender or target.
   *
   * @throws DecodeException when the calldata is not of that form
   */
  public static L1BlockInfo parse(DepositTransaction tx, L1InfoForm form) {
    return L1InfoCalldata.decode(tx.data(), form);
  }
}
