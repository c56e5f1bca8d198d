package dev.basalt.adapters.attributes;

import static dev.basalt.adapters.attributes.FixtureJson.byteList;
import static dev.basalt.adapters.attributes.FixtureJson.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.config.RollupJsonParser;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.l1info.BlobBaseFee;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The preparer's inputs for one kona executor fixture, rebuilt from what the fixture holds.
 *
 * <ul>
 *   <li>Rollup config: the fixture's kona JSON through {@link RollupJsonParser}. The July 2025
 *       fixtures omit {@code regolith_time}, which the loader refuses; OP Sepolia's (0, from the
 *       embedded registry) is filled in. It is long past for these blocks.
 *   <li>L1 origin: number, time, hash and base fee from the fixture's own L1-info deposit; mix hash
 *       and parent beacon block root from the payload (the protocol copies them through); excess
 *       blob gas: the whole number of blobs whose Cancun blob base fee is the deposit's (the
 *       Holocene-era origins predate Sepolia's Prague), or 0 for a fee of 1. No logs: these blocks
 *       have no user deposits, and a config update would show in the deposit. The origin's parent
 *       hash is not in the fixture; a labelled stand-in is used wherever it is needed.
 *   <li>Parent: for a mid-epoch block, the parent's L1-info deposit is the block's own with the
 *       sequence number one lower (an epoch's deposits differ in nothing else), read back together
 *       with the parent header by {@link PayloadBlockInfo}. For the first block of an epoch the
 *       parent's deposit is unknown, so its ref and system config are set directly: the origin is
 *       the stand-in for the L1 block before, the config the deposit's batcher and scalars with the
 *       header's gas limit and EIP-1559 parameters.
 * </ul>
 */
final class KonaFixtureInputs {
  /** Stands for the L1 origin's parent hash, which no fixture records. */
  static final Hash32 UNKNOWN_L1_PARENT = Keccak.hash("L1 parent hash: not in the kona fixture".getBytes(StandardCharsets.UTF_8));
  /** EIP-4844's blob base fee update fraction, in force on Sepolia before Prague. */
  private static final long CANCUN_UPDATE_FRACTION = 3_338_477;
  /** Sepolia's Prague activation (2025-03-05): these fixtures' origins lie well before or after it. */
  private static final long SEPOLIA_PRAGUE_TIME = 1_741_159_776L;
  private static final long GAS_PER_BLOB = 131_072;
  private static final int SEQUENCE_NUMBER_OFFSET = 12;

  private KonaFixtureInputs() {}

  static RollupConfig rollupConfig(JsonNode konaJson) {
    ObjectNode json = konaJson.deepCopy();
    if (!json.has("regolith_time")) {
      RollupConfig registry = ChainRegistry.embedded().byChainId(json.get("l2_chain_id").asLong()).orElseThrow().config();
      json.put("regolith_time", registry.forks().activation(Fork.REGOLITH).getAsLong());
    }
    try {
      return RollupJsonParser.parse(FixtureJson.MAPPER.writeValueAsString(json), "kona fixture rollup_config", id -> Optional.empty())
          .config();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static L1BlockInfo l1Info(JsonNode fixture) {
    Bytes tx = byteList(fixture.get("executing_payload").get("transactions")).get(0);
    return L1InfoCalldata.decode(DepositTransaction.decode(tx).data());
  }

  static L1Block origin(JsonNode fixture) {
    L1BlockInfo info = l1Info(fixture);
    JsonNode ep = fixture.get("executing_payload");
    L1BlockRef ref = new L1BlockRef(info.blockHash(), info.number(), UNKNOWN_L1_PARENT, info.timestamp());
    return new L1Block(ref, info.baseFee(), hash(ep.get("prevRandao")),
        OptionalLong.of(excessBlobGasFor(info.blobBaseFee(), info.timestamp())), Optional.of(hash(ep.get("parentBeaconBlockRoot"))),
        List.of(), List.of());
  }

  /** The smallest whole number of blobs of excess gas whose Cancun blob base fee is {@code fee}. */
  static long excessBlobGasFor(BigInteger fee, long l1Time) {
    if (fee.equals(BigInteger.ONE)) {
      return 0;
    }
    if (l1Time >= SEPOLIA_PRAGUE_TIME) {
      throw new IllegalStateException("only pre-Prague origins have a blob base fee above 1 in these fixtures");
    }
    long lo = 0;
    // 4096 blobs already give a fee near e^160, far above any real one and still below 2^256.
    long hi = 1 << 12;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (BlobBaseFee.of(mid * GAS_PER_BLOB, CANCUN_UPDATE_FRACTION).compareTo(fee) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    assertEquals(fee, BlobBaseFee.of(lo * GAS_PER_BLOB, CANCUN_UPDATE_FRACTION), "no whole number of blobs gives this fee");
    return lo * GAS_PER_BLOB;
  }

  static L2BlockInfo readBack(RollupConfig rollup, BlockHeader header, List<Bytes> transactions) {
    assertEquals(OrderedTrie.EMPTY_ROOT, header.withdrawalsRoot(), "pre-Isthmus: empty withdrawals");
    L2BlockInfoDecoding d = PayloadBlockInfo.decode(rollup, FixtureJson.payload(header, transactions));
    return assertInstanceOf(L2BlockInfoDecoding.Decoded.class, d, d::toString).info();
  }

  static L2BlockInfo reconstructParent(RollupConfig rollup, JsonNode fixture) {
    BlockHeader header = FixtureJson.header(fixture.get("parent_header"));
    L1BlockInfo info = l1Info(fixture);
    assertEquals(L1InfoForm.ECOTONE, info.form());
    if (info.sequenceNumber() > 0) {
      L2BlockInfo parent = readBack(rollup, header, List.of(parentL1InfoTx(fixture, info.sequenceNumber() - 1)));
      assertEquals(new BlockId(info.blockHash(), info.number()), parent.ref().l1Origin());
      assertEquals(info.sequenceNumber() - 1, parent.ref().sequenceNumber());
      return parent;
    }
    // Holocene extraData: version 0, then denominator and elasticity as u32 (specs holocene/exec-engine.md).
    byte[] extra = header.extraData().toArray();
    assertEquals(9, extra.length);
    SystemConfig config = new SystemConfig(info.batcherAddress(), Hash32.ZERO,
        EcotoneScalar.encode(info.blobBaseFeeScalar(), info.baseFeeScalar()), header.gasLimit(), u32(extra, 1), u32(extra, 5), 0, 0, 0, 0);
    // The sequence number of the epoch's last block is unknown too; a new epoch does not read it.
    L2BlockRef ref = new L2BlockRef(header.hash(), header.number(), header.parentHash(), header.timestamp(),
        new BlockId(UNKNOWN_L1_PARENT, info.number() - 1), 0);
    return new L2BlockInfo(ref, config, List.of());
  }

  /** The block's own L1-info deposit with {@code sequenceNumber} patched into the calldata and the source hash. */
  private static Bytes parentL1InfoTx(JsonNode fixture, long sequenceNumber) {
    DepositTransaction own = DepositTransaction.decode(byteList(fixture.get("executing_payload").get("transactions")).get(0));
    byte[] data = own.data().toArray();
    for (int i = 0; i < 8; i++) {
      data[SEQUENCE_NUMBER_OFFSET + i] = (byte) (sequenceNumber >>> (56 - 8 * i));
    }
    L1BlockInfo info = L1InfoCalldata.decode(own.data());
    return new DepositTransaction(SourceHash.l1Info(info.blockHash(), sequenceNumber), own.from(), own.to(), own.mint(), own.value(),
        own.gasLimit(), own.isSystemTx(), Bytes.of(data)).encode();
  }

  private static long u32(byte[] b, int offset) {
    return ((b[offset] & 0xffL) << 24) | ((b[offset + 1] & 0xffL) << 16) | ((b[offset + 2] & 0xffL) << 8) | (b[offset + 3] & 0xffL);
  }
}
