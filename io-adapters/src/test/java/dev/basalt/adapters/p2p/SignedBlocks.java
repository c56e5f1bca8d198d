package dev.basalt.adapters.p2p;

import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Sealed blocks of any size for P2P tests, and their signatures. */
final class SignedBlocks {
  private SignedBlocks() {}

  /** A block at {@code number} and {@code timestamp} carrying about {@code txBytes} of transactions. */
  static ExecutionPayloadEnvelope block(RollupConfig rollup, long number, long timestamp, int txBytes) {
    List<Bytes> txs = new ArrayList<>();
    java.util.Random rng = new java.util.Random(number);
    for (int left = txBytes; left > 0; left -= 500) {
      byte[] tx = new byte[Math.min(500, left)];
      rng.nextBytes(tx);
      tx[0] = 2;
      txs.add(Bytes.wrapOwned(tx));
    }
    boolean ecotone = rollup.isActive(Fork.ECOTONE, timestamp);
    ExecutionPayload p = new ExecutionPayload(Keccak.hash(Bytes.fromHex(String.format("0x%016x", number - 1))),
        Address.fromHex("0x4200000000000000000000000000000000000011"), Keccak.hash(Bytes.fromHex(String.format("0x%016x", number))),
        Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO, number, 30_000_000, 21_000L * txs.size(), timestamp, Bytes.EMPTY,
        BigInteger.valueOf(1_000_000), Hash32.ZERO, txs,
        rollup.isActive(Fork.CANYON, timestamp) ? Optional.of(List.of()) : Optional.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        rollup.isActive(Fork.ISTHMUS, timestamp) ? Optional.of(Keccak.hash(Bytes.fromHex("0x77"))) : Optional.empty());
    ExecutionPayloadEnvelope unsealed = new ExecutionPayloadEnvelope(p, ecotone ? Optional.of(Hash32.ZERO) : Optional.empty());
    Hash32 hash = PayloadHeader.hash(rollup, unsealed);
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(),
        p.baseFeePerGas(), hash, p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot()),
        unsealed.parentBeaconBlockRoot());
  }

  static Bytes signature(RollupConfig rollup, SigningKey key, ExecutionPayloadEnvelope e) {
    return BlockSigning.sign(key, GossipMessage.signingHash(rollup.l2ChainId(), GossipMessage.signedBytes(rollup, e)));
  }
}
