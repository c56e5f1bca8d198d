package dev.basalt.core.l1info;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;

/** The calldata layouts of the L1-attributes deposit, with their selector and exact length. */
public enum L1InfoForm {
  /** {@code setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)}, ABI words. */
  BEDROCK(0x015d8eb9, 4 + 8 * 32),
  /** {@code setL1BlockValuesEcotone()}, packed. */
  ECOTONE(0x440a5e20, 4 + 5 * 32),
  /** {@code setL1BlockValuesIsthmus()}: Ecotone plus operator fee scalar (u32) and constant (u64). */
  ISTHMUS(0x098999be, 4 + 5 * 32 + 4 + 8),
  /** {@code setL1BlockValuesJovian()}: Isthmus plus the DA-footprint gas scalar (u16). */
  JOVIAN(0x3db6be2b, 4 + 5 * 32 + 4 + 8 + 2);

  private final int selector;
  private final int length;

  L1InfoForm(int selector, int length) {
    this.selector = selector;
    this.length = length;
  }

  /** The 4-byte function selector, big-endian in an int. */
  public int selector() {
    return selector;
  }

  /** The exact calldata length in bytes, selector included. */
  public int length() {
    return length;
  }

  /**
   * The form of the L1-attributes deposit in the L2 block with timestamp {@code l2Timestamp}.
   *
   * <p>The L1Block contract is upgraded by the upgrade deposits of a fork's activation block,
   * which run after the L1-attributes deposit, so each activation block still uses the previous
   * form: the first Ecotone block uses Bedrock's, the first Isthmus block Ecotone's and the first
   * Jovian block Isthmus's. Karst changes nothing. (op-node {@code L1InfoDeposit}, nesting the
   * checks exactly as it does, so that forks activating together behave the same.)
   */
  public static L1InfoForm forBlock(RollupConfig rollup, long l2Timestamp) {
    if (!activeButNotFirst(rollup, Fork.ECOTONE, l2Timestamp)) {
      return BEDROCK;
    }
    if (activeButNotFirst(rollup, Fork.JOVIAN, l2Timestamp)) {
      return JOVIAN;
    }
    if (activeButNotFirst(rollup, Fork.ISTHMUS, l2Timestamp)) {
      return ISTHMUS;
    }
    return ECOTONE;
  }

  private static boolean activeButNotFirst(RollupConfig rollup, Fork fork, long l2Timestamp) {
    return rollup.isActive(fork, l2Timestamp) && !rollup.isActivationBlock(fork, l2Timestamp);
  }

  /** The form whose selector and length match {@code calldata}'s, or null. */
  public static L1InfoForm detect(byte[] calldata) {
    if (calldata.length < 4) {
      return null;
    }
    int selector = ((calldata[0] & 0xff) << 24) | ((calldata[1] & 0xff) << 16) | ((calldata[2] & 0xff) << 8) | (calldata[3] & 0xff);
    for (L1InfoForm form : values()) {
      if (form.selector == selector && form.length == calldata.length) {
        return form;
      }
    }
    return null;
  }
}
