package dev.basalt.core.derive.attributes;

import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.l1info.BlobBaseFee;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.l1info.L1OriginFields;
import java.math.BigInteger;

/** The L1 origin's fields as the L1-attributes deposit of an L2 block carries them. */
final class OriginFields {
  private OriginFields() {}

  /**
   * The origin's number, time, base fee and hash, and its blob base fee: computed from the
   * header's excess blob gas with the update fraction in force at the origin's time, or 1 (EIP-4844's
   * minimum, as op-node does) when the header predates Cancun. Only the packed forms carry a blob
   * base fee, so a Bedrock-form deposit never needs the L1 blob schedule.
   *
   * @throws IllegalStateException when the L1 chain config has no blob schedule at the origin's time
   *     although its header has excess blob gas (a config that cannot follow this L1)
   * @throws ArithmeticException when the fee exceeds 2^256 - 1 (no valid header implies that)
   */
  static L1OriginFields of(RollupConfig rollup, L1ChainConfig l1Chain, L1Block epoch, long l2Timestamp) {
    BigInteger blobBaseFee = BlobBaseFee.MIN_BLOB_BASE_FEE;
    if (L1InfoForm.forBlock(rollup, l2Timestamp) != L1InfoForm.BEDROCK && epoch.excessBlobGas().isPresent()) {
      long fraction = rollup.l1InfoBlobBaseFeeUpdateFraction(l1Chain, epoch.ref().timestamp());
      blobBaseFee = BlobBaseFee.of(epoch.excessBlobGas().getAsLong(), fraction);
    }
    return new L1OriginFields(epoch.ref().number(), epoch.ref().timestamp(), epoch.baseFeePerGas(), epoch.ref().hash(),
        blobBaseFee);
  }
}
