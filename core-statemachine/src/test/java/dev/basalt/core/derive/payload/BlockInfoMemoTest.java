package dev.basalt.core.derive.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The memo answers exactly what {@link PayloadBlockInfo#decode} answers, on seeded blocks that
 * share hashes and slots while differing in every field the decoder reads (and in the ones it only
 * carries along), across forms, forks, genesis and invalid blocks.
 */
class BlockInfoMemoTest {
  private static final Hash32 GENESIS_L2 = Hash32.fromHex("0x" + "67".repeat(32));
  private static final SystemConfig GENESIS_CONFIG = new SystemConfig(Address.fromHex("0x" + "ba".repeat(20)),
      Hash32.fromHex("0x" + "00".repeat(31) + "bc"), Hash32.fromHex("0x" + "00".repeat(29) + "0a6fe0"), 30_000_000, 0, 0, 0, 0, 0, 0);
  private static final Address BATCHER = Address.fromHex("0x8f23bb38f531600e5d8fddaaec41f13fab46e98c");

  private static RollupConfig rollup(boolean keepKarstGas) {
    return rollup(keepKarstGas, GENESIS_CONFIG);
  }

  private static RollupConfig rollup(boolean keepKarstGas, SystemConfig genesisConfig) {
    RollupConfig base = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), keepKarstGas);
    BlockId genesisL1 = new BlockId(Hash32.fromHex("0x" + "11".repeat(32)), 4_071_408);
    return new RollupConfig(base.l1ChainId(), base.l2ChainId(), new ChainGenesis(genesisL1, new BlockId(GENESIS_L2, 1000), 0,
        genesisConfig), 2, 600, 3600, 300, base.batchInboxAddress(), base.depositContractAddress(), base.l1SystemConfigAddress(),
        base.forks(), -1, new Eip1559Params(6, 50, 250), keepKarstGas);
  }

  @Test
  void answersAsTheDecoderOnSeededBlocks() {
    SystemConfig otherGenesisConfig = new SystemConfig(GENESIS_CONFIG.batcherAddress(), GENESIS_CONFIG.overhead(),
        GENESIS_CONFIG.scalar(), 31_000_000, 0, 0, 0, 0, 0, 0);
    List<RollupConfig> rollups = List.of(rollup(false), rollup(true, otherGenesisConfig));
    List<Hash32> hashes = hashes(new Random(1));
    Random rng = new Random(2718);
    BlockInfoMemo memo = new BlockInfoMemo();
    List<ExecutionPayload> seen = new ArrayList<>();
    int decodedBlocks = 0;
    for (int i = 0; i < 20_000; i++) {
      int kind = seen.isEmpty() ? 0 : rng.nextInt(3);
      ExecutionPayload p = switch (kind) {
        case 0 -> block(rng, hashes);
        case 1 -> withOtherTail(rng, seen.get(rng.nextInt(seen.size())));
        default -> withOneFieldChanged(rng, seen.get(rng.nextInt(seen.size())));
      };
      if (seen.size() < 400) {
        seen.add(p);
      }
      RollupConfig rollup = rollups.get(rng.nextInt(4) == 0 ? 1 : 0);
      L2BlockInfoDecoding expected = PayloadBlockInfo.decode(rollup, p);
      assertEquals(expected, memo.decode(rollup, p), "block " + i);
      if (rng.nextInt(4) == 0) {
        RollupConfig other = rollups.get(rollups.indexOf(rollup) ^ 1);
        assertEquals(PayloadBlockInfo.decode(other, p), memo.decode(other, p), "block " + i + " under the other rollup");
      }
      if (expected instanceof L2BlockInfoDecoding.Decoded) {
        decodedBlocks++;
      }
    }
    assertTrue(decodedBlocks > 4000, "enough blocks decode to exercise the rebuilt answers: " + decodedBlocks);
  }

  @Test
  void aHitCarriesTheAskingBlocksTransactions() {
    RollupConfig rollup = rollup(false);
    Random rng = new Random(5);
    ExecutionPayload p = block(rng, List.of(Hash32.fromHex("0x" + "42".repeat(32))));
    while (!(PayloadBlockInfo.decode(rollup, p) instanceof L2BlockInfoDecoding.Decoded)) {
      p = block(rng, List.of(Hash32.fromHex("0x" + "42".repeat(32))));
    }
    BlockInfoMemo memo = new BlockInfoMemo();
    memo.decode(rollup, p);
    ExecutionPayload other = withOtherTail(rng, p);
    L2BlockInfoDecoding.Decoded d = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, memo.decode(rollup, other));
    assertEquals(other.transactions(), d.info().transactions());
    assertEquals(PayloadBlockInfo.decode(rollup, other), d);
  }

  /** Eight hashes, pairs of which share the memo slot (same fourth byte) but differ. */
  private static List<Hash32> hashes(Random rng) {
    List<Hash32> out = new ArrayList<>(List.of(GENESIS_L2));
    for (int i = 0; i < 7; i++) {
      byte[] h = new byte[32];
      rng.nextBytes(h);
      h[3] = (byte) (i / 2);
      out.add(Hash32.wrap(h));
    }
    return out;
  }

  private static ExecutionPayload block(Random rng, List<Hash32> hashes) {
    long number = rng.nextInt(4) == 0 ? 1000 : 1000 + rng.nextInt(600);
    long time = rng.nextInt(4) == 0 ? (number - 1000) * 2 : rng.nextInt(1200);
    Hash32 hash = hashes.get(rng.nextInt(hashes.size()));
    Hash32 parent = Hash32.fromHex("0x" + (rng.nextBoolean() ? "9a" : "9b").repeat(32));
    long gasLimit = rng.nextBoolean() ? 30_000_000 : 60_000_000 + rng.nextInt(3);
    List<Bytes> txs = new ArrayList<>();
    switch (rng.nextInt(6)) {
      case 0 -> { }
      case 1 -> txs.add(Bytes.fromHex("0x02c0"));
      default -> txs.add(l1InfoTx(rng, time));
    }
    for (int n = rng.nextInt(3); n > 0; n--) {
      txs.add(Bytes.fromHex("0x02" + "c1".repeat(1 + rng.nextInt(4))));
    }
    return payload(number, time, hash, parent, gasLimit, extraData(rng, time), List.copyOf(txs));
  }

  private static ExecutionPayload withOtherTail(Random rng, ExecutionPayload p) {
    List<Bytes> txs = new ArrayList<>(p.transactions().isEmpty() ? List.of() : p.transactions().subList(0, 1));
    txs.add(Bytes.fromHex("0x02" + "d0".repeat(1 + rng.nextInt(8))));
    return payload(p.blockNumber(), p.timestamp(), p.blockHash(), p.parentHash(), p.gasLimit(), p.extraData(), List.copyOf(txs));
  }

  /** The same block hash (so the same slot) with one field the decoder reads changed. */
  private static ExecutionPayload withOneFieldChanged(Random rng, ExecutionPayload p) {
    long number = p.blockNumber();
    long time = p.timestamp();
    Hash32 parent = p.parentHash();
    long gasLimit = p.gasLimit();
    Bytes extraData = p.extraData();
    List<Bytes> txs = p.transactions();
    switch (rng.nextInt(6)) {
      case 0 -> number += 1 + rng.nextInt(2);
      case 1 -> time += 1 + rng.nextInt(400);
      case 2 -> parent = Hash32.fromHex("0x" + "9c".repeat(32));
      case 3 -> gasLimit += 1;
      case 4 -> extraData = extraData(rng, time);
      default -> {
        List<Bytes> changed = new ArrayList<>(txs);
        Bytes first = l1InfoTx(rng, time);
        if (changed.isEmpty()) {
          changed.add(first);
        } else {
          changed.set(0, first);
        }
        txs = List.copyOf(changed);
      }
    }
    return payload(number, time, p.blockHash(), parent, gasLimit, extraData, txs);
  }

  private static ExecutionPayload payload(long number, long time, Hash32 hash, Hash32 parent, long gasLimit, Bytes extraData,
      List<Bytes> txs) {
    return new ExecutionPayload(parent, Address.fromHex("0x4200000000000000000000000000000000000011"), Hash32.ZERO, Hash32.ZERO,
        Bytes.of(new byte[256]), Hash32.ZERO, number, gasLimit, 0, time, extraData, BigInteger.ONE, hash, txs,
        Optional.of(List.of()), OptionalLong.of(0), OptionalLong.of(0), Optional.empty());
  }

  /** Mostly the extra data the fork at {@code time} wants, so that most blocks decode. */
  private static Bytes extraData(Random rng, long time) {
    RollupConfig rollup = rollup(false);
    if (rng.nextInt(3) > 0) {
      return rollup.isActive(Fork.JOVIAN, time) ? Bytes.fromHex("0x01" + "000000fa" + "00000006" + "000000000000000" + rng.nextInt(8))
          : rollup.isActive(Fork.HOLOCENE, time) ? Bytes.fromHex("0x00" + "000000fa" + "0000000" + (1 + rng.nextInt(8)))
          : Bytes.EMPTY;
    }
    return switch (rng.nextInt(5)) {
      case 0 -> Bytes.EMPTY;
      case 1 -> Bytes.fromHex("0x00" + "000000fa" + "00000006");
      case 2 -> Bytes.fromHex("0x01" + "000000fa" + "00000006" + "0000000000000" + "00" + rng.nextInt(8));
      case 3 -> Bytes.fromHex("0x00" + "00000000" + "00000006");
      default -> Bytes.fromHex("0x07");
    };
  }

  /** Mostly the form the fork at {@code time} wants, so that most blocks decode. */
  private static Bytes l1InfoTx(Random rng, long time) {
    L1BlockInfo.Common c = new L1BlockInfo.Common(4_071_408 + rng.nextInt(3), 1_700_000_000L + rng.nextInt(3),
        BigInteger.valueOf(1 + rng.nextInt(3)), Hash32.fromHex("0x" + (rng.nextBoolean() ? "4f" : "50").repeat(32)), rng.nextInt(3),
        BATCHER);
    L1InfoForm form = rng.nextInt(3) > 0 ? L1InfoForm.forBlock(rollup(false), time) : L1InfoForm.values()[rng.nextInt(4)];
    L1BlockInfo info = switch (form) {
      case BEDROCK -> L1BlockInfo.bedrock(c, Hash32.ZERO, Hash32.fromHex("0x" + "00".repeat(29) + "0a6fe0"));
      case ECOTONE -> L1BlockInfo.ecotone(c, BigInteger.ONE, 7600, 862_000);
      case ISTHMUS -> L1BlockInfo.isthmus(c, BigInteger.ONE, 7600, 862_000, rng.nextInt(2), rng.nextInt(2));
      case JOVIAN -> L1BlockInfo.jovian(c, BigInteger.ONE, 7600, 862_000, 1, 2, rng.nextInt(3));
    };
    return new DepositTransaction(Hash32.fromHex("0x" + "5e".repeat(32)), Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"),
        Address.fromHex("0x4200000000000000000000000000000000000015"), BigInteger.ZERO, BigInteger.ZERO, 1_000_000, false,
        L1InfoCalldata.encode(info)).encode();
  }
}
