package dev.basalt.core.p2p;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.world.PayloadBuilder;
import dev.basalt.core.world.TestChain;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** Signed block gossip messages for tests: sealed payloads of each fork, signed and compressed. */
final class Gossip {
  private Gossip() {}

  static RollupConfig rollup(ForkSchedule forks) {
    return rollup(forks, TestChain.L2_CHAIN_ID);
  }

  static RollupConfig rollup(ForkSchedule forks, long chainId) {
    SystemConfig system = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, TestChain.GAS_LIMIT, 0, 0, 0, 0, 0, 0);
    return new RollupConfig(1, chainId, new ChainGenesis(BlockId.ZERO, BlockId.ZERO, TestChain.GENESIS_TIME, system), 2, 600,
        20, 10, Fixtures.BATCH_INBOX, TestChain.DEPOSIT_CONTRACT, Fixtures.SYSTEM_CONFIG, forks, -1, new Eip1559Params(6, 50, 250),
        false);
  }

  /** A sealed block at {@code number} and {@code timestamp} with the fields its fork needs. */
  static ExecutionPayloadEnvelope block(RollupConfig rollup, long number, long timestamp) {
    return variant(rollup, number, timestamp, 0);
  }

  /** Distinct blocks at one height for distinct {@code variant}s. */
  static ExecutionPayloadEnvelope variant(RollupConfig rollup, long number, long timestamp, int variant) {
    boolean canyon = rollup.isActive(Fork.CANYON, timestamp);
    boolean ecotone = rollup.isActive(Fork.ECOTONE, timestamp);
    boolean isthmus = rollup.isActive(Fork.ISTHMUS, timestamp);
    ExecutionPayload p = new ExecutionPayload(Keccak.hash(Bytes.fromHex(String.format("0x%016x", number - 1))),
        Address.fromHex("0x4200000000000000000000000000000000000011"),
        Keccak.hash(Bytes.fromHex(String.format("0x%016x%08x", number, variant))), Hash32.ZERO, Bytes.of(new byte[256]),
        Hash32.ZERO, number, TestChain.GAS_LIMIT, 21_000, timestamp, Bytes.EMPTY, BigInteger.valueOf(1_000_000),
        Hash32.ZERO, List.of(Bytes.fromHex("0x7e01020304"), Bytes.fromHex("0x02aabbccdd")),
        canyon ? Optional.of(List.of()) : Optional.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        isthmus ? Optional.of(Keccak.hash(Bytes.fromHex("0x77"))) : Optional.empty());
    return sealed(rollup, new ExecutionPayloadEnvelope(p, ecotone ? Optional.of(Keccak.hash(Bytes.fromHex("0x99"))) : Optional.empty()));
  }

  static ExecutionPayloadEnvelope sealed(RollupConfig rollup, ExecutionPayloadEnvelope e) {
    return PayloadBuilder.seal(rollup, e);
  }

  static ExecutionPayloadEnvelope edit(ExecutionPayloadEnvelope e, UnaryOperator<ExecutionPayload> change) {
    return new ExecutionPayloadEnvelope(change.apply(e.payload()), e.parentBeaconBlockRoot());
  }

  static ExecutionPayload withWithdrawals(ExecutionPayload p, List<Withdrawal> ws) {
    return new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(),
        p.blockHash(), p.transactions(), Optional.of(ws), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
  }

  static ExecutionPayload withBlobGas(ExecutionPayload p, long used, long excess) {
    return new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(),
        p.blockHash(), p.transactions(), p.withdrawals(), OptionalLong.of(used), OptionalLong.of(excess), p.withdrawalsRoot());
  }

  /** {@code signature ++ signedBytes}, signed for {@code rollup}'s chain id, uncompressed. */
  static byte[] uncompressed(RollupConfig rollup, SigningKey key, ExecutionPayloadEnvelope e) {
    Bytes signed = GossipMessage.signedBytes(rollup, e);
    Bytes sig = BlockSigning.sign(key, GossipMessage.signingHash(rollup.l2ChainId(), signed));
    byte[] raw = new byte[65 + signed.length()];
    sig.copyTo(raw, 0);
    signed.copyTo(raw, 65);
    return raw;
  }

  static Bytes message(RollupConfig rollup, SigningKey key, ExecutionPayloadEnvelope e) {
    Bytes signed = GossipMessage.signedBytes(rollup, e);
    return GossipMessage.encode(BlockSigning.sign(key, GossipMessage.signingHash(rollup.l2ChainId(), signed)), signed);
  }
}
