package dev.basalt.core.derive.payload;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoDeposit;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.l1info.L1InfoSystemConfig;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L2BlockRef;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an L2 block back into what derivation needs (op-node {@code PayloadToBlockRef} and {@code
 * PayloadToSystemConfig}): the L1 origin and sequence number from its L1-attributes deposit, the
 * system config from that deposit and the header (gas limit, and from Holocene the fee parameters
 * in {@code extraData}). The genesis block has no such deposit: its origin and system config are
 * the rollup config's.
 *
 * <p>The system config read back is the one the next block starts from, which is not always the
 * one the block was prepared with: fields the block's L1-info form cannot carry read as zero, zero
 * EIP-1559 parameters read as the Canyon defaults the engine wrote, a zero DA-footprint scalar
 * reads as the 400 the deposit carried, and the Karst upgrade gas is stripped unless the chain
 * keeps it. op-node always starts from this reading, so derivation must too.
 */
public final class PayloadBlockInfo {
  private PayloadBlockInfo() {}

  public static L2BlockInfoDecoding decode(RollupConfig rollup, ExecutionPayload payload) {
    ChainGenesis genesis = rollup.genesis();
    if (payload.blockNumber() == genesis.l2().number()) {
      if (!payload.blockHash().equals(genesis.l2().hash())) {
        return invalid("expected L2 genesis hash to match L2 block at genesis block number " + genesis.l2().number()
            + ": " + payload.blockHash() + " <> " + genesis.l2().hash());
      }
      return info(payload, genesis.l1(), 0, genesis.systemConfig());
    }
    if (payload.transactions().isEmpty()) {
      return invalid("l2 block is missing L1 info deposit tx, block hash: " + payload.blockHash());
    }
    Bytes first = payload.transactions().get(0);
    if (first.isEmpty() || (first.get(0) & 0xff) != DepositTransaction.TYPE) {
      return invalid("first payload tx has unexpected tx type: " + (first.isEmpty() ? "empty" : first.get(0) & 0xff));
    }
    L1BlockInfo l1Info;
    try {
      l1Info = L1InfoDeposit.parse(DepositTransaction.decode(first), L1InfoForm.forBlock(rollup, payload.timestamp()));
    } catch (DecodeException e) {
      return invalid("failed to parse L1 info deposit tx from L2 block " + payload.blockHash() + ": " + e.getMessage());
    }
    Optional<String> badExtraData = rollup.isActive(Fork.HOLOCENE, payload.timestamp())
        ? FeeParamsExtraData.validate(rollup, payload.timestamp(), payload.extraData())
        : Optional.empty();
    if (badExtraData.isPresent()) {
      return invalid("block " + payload.blockHash() + ": " + badExtraData.get());
    }
    SystemConfig config;
    try {
      config = systemConfig(rollup, payload, l1Info);
    } catch (DecodeException e) {
      return invalid("block " + payload.blockHash() + ": " + e.getMessage());
    }
    if (l1Info.number() < 0 || l1Info.sequenceNumber() < 0) {
      // u64 fields beyond 2^63: no real L1 chain or epoch gets there.
      return invalid("block " + payload.blockHash() + ": L1 origin number or sequence number out of range");
    }
    return info(payload, new BlockId(l1Info.blockHash(), l1Info.number()), l1Info.sequenceNumber(), config);
  }

  private static SystemConfig systemConfig(RollupConfig rollup, ExecutionPayload payload, L1BlockInfo l1Info) {
    // Before Holocene the header carries no fee parameters; op-node does not look at extraData then.
    FeeParamsExtraData fees = rollup.isActive(Fork.HOLOCENE, payload.timestamp())
        ? FeeParamsExtraData.decode(rollup, payload.timestamp(), payload.extraData())
        : new FeeParamsExtraData(0, 0, OptionalLong.empty());
    return L1InfoSystemConfig.rebuild(rollup, payload.timestamp(), l1Info, payload.gasLimit(), fees.denominator(),
        fees.elasticity(), fees.minBaseFee().orElse(0));
  }

  private static L2BlockInfoDecoding info(ExecutionPayload payload, BlockId l1Origin, long sequenceNumber, SystemConfig config) {
    if (payload.blockNumber() < 0 || payload.timestamp() < 0) {
      return invalid("block " + payload.blockHash() + ": number or timestamp out of range");
    }
    L2BlockRef ref = new L2BlockRef(payload.blockHash(), payload.blockNumber(), payload.parentHash(), payload.timestamp(),
        l1Origin, sequenceNumber);
    return new L2BlockInfoDecoding.Decoded(new L2BlockInfo(ref, config, payload.transactions()));
  }

  private static L2BlockInfoDecoding invalid(String reason) {
    return new L2BlockInfoDecoding.Invalid(reason);
  }
}
