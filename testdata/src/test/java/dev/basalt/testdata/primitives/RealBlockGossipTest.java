package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.p2p.GossipValidation;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A real OP Sepolia Ecotone block (h-l2-blocks, block 11065316 with three transactions) as a v3
 * gossip message: its real block hash passes the validator's header rebuild; the signature is a
 * test key's (no real signed gossip block with a known signer exists in the vectors).
 */
class RealBlockGossipTest {
  private static final long OP_SEPOLIA = 11_155_420;
  private static final SigningKey KEY = SigningKey.fromHex("0x" + "5a".repeat(32));

  private static RollupConfig opSepoliaEcotone(long chainId) {
    ForkSchedule.Builder forks = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (f.ordinal() <= Fork.FJORD.ordinal()) {
        forks.at(f, 0);
      }
    }
    SystemConfig system = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    return new RollupConfig(11_155_111, chainId, new ChainGenesis(BlockId.ZERO, BlockId.ZERO, 0, system), 2, 600, 3600, 300,
        Address.ZERO, Address.ZERO, Address.ZERO, forks.build(), -1, new Eip1559Params(6, 50, 250), false);
  }

  private static ExecutionPayloadEnvelope envelope(JsonNode b) {
    ExecutionPayload p = new ExecutionPayload(RpcJson.hash(b.get("parentHash")), RpcJson.address(b.get("miner")),
        RpcJson.hash(b.get("stateRoot")), RpcJson.hash(b.get("receiptsRoot")), RpcJson.bytes(b.get("logsBloom")),
        RpcJson.hash(b.get("mixHash")), RpcJson.u64(b.get("number")), RpcJson.u64(b.get("gasLimit")),
        RpcJson.u64(b.get("gasUsed")), RpcJson.u64(b.get("timestamp")), RpcJson.bytes(b.get("extraData")),
        RpcJson.quantity(b.get("baseFeePerGas")), RpcJson.hash(b.get("hash")), RpcJson.envelopes(b.get("transactions")),
        Optional.of(List.of()), OptionalLong.of(RpcJson.u64(b.get("blobGasUsed"))),
        OptionalLong.of(RpcJson.u64(b.get("excessBlobGas"))), Optional.empty());
    return new ExecutionPayloadEnvelope(p, Optional.of(RpcJson.hash(b.get("parentBeaconBlockRoot"))));
  }

  private static Bytes message(RollupConfig signingChain, ExecutionPayloadEnvelope e) {
    Bytes signed = GossipMessage.signedBytes(signingChain, e);
    return GossipMessage.encode(BlockSigning.sign(KEY, GossipMessage.signingHash(signingChain.l2ChainId(), signed)), signed);
  }

  private static GossipValidation validate(RollupConfig rollup, Bytes data, long receivedAtMillis) {
    GossipValidator v = new GossipValidator();
    v.observeSigner(KEY.address());
    return v.validate(rollup, 3, data, receivedAtMillis);
  }

  @Test
  void theRealBlockIsAcceptedAndAnAlteredOneRejected() {
    JsonNode block = Vectors.json("h-l2-blocks/hildr/op-sepolia-11065316.eth_getBlockByNumber.json").get("result");
    RollupConfig rollup = opSepoliaEcotone(OP_SEPOLIA);
    ExecutionPayloadEnvelope real = envelope(block);
    long at = real.payload().timestamp() * 1000 + 400;
    GossipValidation ok = validate(rollup, message(rollup, real), at);
    assertEquals(GossipReason.VALID, ok.reason(), ok.detail());
    assertEquals(Optional.of(real), ok.envelope());
    assertEquals(Hash32.fromHex("0x3b1bee7b7c9d9ef0214ec6aa92aee1993e46b58dd4e8e921e7567bae54cee96f"),
        ok.block().orElseThrow().hash());

    List<Bytes> txs = new ArrayList<>(real.payload().transactions());
    byte[] last = txs.get(2).toArray();
    last[last.length - 1] ^= 1;
    txs.set(2, Bytes.of(last));
    ExecutionPayload p = real.payload();
    ExecutionPayloadEnvelope altered = new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(),
        p.stateRoot(), p.receiptsRoot(), p.logsBloom(), p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(),
        p.extraData(), p.baseFeePerGas(), p.blockHash(), txs, p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(),
        p.withdrawalsRoot()), real.parentBeaconBlockRoot());
    assertEquals(GossipReason.BLOCK_HASH_MISMATCH, validate(rollup, message(rollup, altered), at).reason(),
        "a changed transaction changes the transactions root, so the stated hash no longer matches");
    assertEquals(GossipReason.WRONG_SIGNER, validate(rollup, message(opSepoliaEcotone(10), real), at).reason(),
        "signed for OP Mainnet's chain id");
    assertEquals(GossipReason.TOO_OLD, validate(rollup, message(rollup, real), at + 61_000).reason());
  }
}
