package dev.basalt.core.codec;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Binary forms of the chain configuration, which travels inside the journaled {@code NodeStarted}
 * event so a journal alone replays a run.
 *
 * <p>The two top-level values ({@link RollupConfig}, {@link L1ChainConfig}) start with a format
 * version byte, so a later field can be added without misreading old journals. Fork schedules are
 * written as (ordinal, time) pairs of the scheduled forks only; an ordinal this build does not
 * know is a decode error rather than a silently dropped fork. Every value rebuilt here goes through
 * its constructor, so a decoded config satisfies the same invariants as a loaded one.
 */
public final class ConfigCodec {
  static final int ROLLUP_CONFIG_VERSION = 1;
  static final int L1_CHAIN_CONFIG_VERSION = 1;

  private static final Fork[] FORKS = Fork.values();
  private static final L1Fork[] L1_FORKS = L1Fork.values();
  private static final UnsupportedFeature[] FEATURES = UnsupportedFeature.values();

  private ConfigCodec() {}

  public static void write(BinaryWriter w, RollupConfig c) {
    w.u8(ROLLUP_CONFIG_VERSION);
    w.i64(c.l1ChainId()).i64(c.l2ChainId());
    write(w, c.genesis());
    w.i64(c.blockTimeSeconds()).i64(c.maxSequencerDriftSeconds()).i64(c.seqWindowSize()).i64(c.channelTimeoutBedrock());
    w.address(c.batchInboxAddress()).address(c.depositContractAddress()).address(c.l1SystemConfigAddress());
    write(w, c.forks());
    w.i64(c.pectraBlobScheduleTime());
    write(w, c.eip1559());
    w.bool(c.keepKarstUpgradeGas());
    w.address(c.protocolVersionsAddress());
    w.i32(c.unsupportedFeatures().size());
    for (UnsupportedFeature f : c.unsupportedFeatures()) {
      w.u8(f.ordinal());
    }
  }

  public static RollupConfig readRollupConfig(BinaryReader r) {
    int version = r.u8();
    if (version != ROLLUP_CONFIG_VERSION) {
      throw new DecodeException("unknown rollup config format version " + version);
    }
    long l1ChainId = r.i64();
    long l2ChainId = r.i64();
    ChainGenesis genesis = readChainGenesis(r);
    long blockTime = r.i64();
    long maxDrift = r.i64();
    long seqWindow = r.i64();
    long channelTimeout = r.i64();
    Address inbox = r.address();
    Address deposit = r.address();
    Address systemConfig = r.address();
    ForkSchedule forks = readForkSchedule(r);
    long pectra = r.i64();
    Eip1559Params eip1559 = readEip1559Params(r);
    boolean keepKarst = r.bool();
    Address protocolVersions = r.address();
    int featureCount = r.count(FEATURES.length, "unsupported feature count");
    List<UnsupportedFeature> features = new ArrayList<>(featureCount);
    for (int i = 0; i < featureCount; i++) {
      features.add(r.enumValue(FEATURES, "unsupported feature"));
    }
    try {
      return new RollupConfig(l1ChainId, l2ChainId, genesis, blockTime, maxDrift, seqWindow, channelTimeout, inbox, deposit,
          systemConfig, forks, pectra, eip1559, keepKarst, protocolVersions, features);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad rollup config: " + e.getMessage());
    }
  }

  public static void write(BinaryWriter w, ChainGenesis g) {
    ValueCodec.write(w, g.l1());
    ValueCodec.write(w, g.l2());
    w.i64(g.l2Time());
    write(w, g.systemConfig());
  }

  public static ChainGenesis readChainGenesis(BinaryReader r) {
    BlockId l1 = ValueCodec.readBlockId(r);
    BlockId l2 = ValueCodec.readBlockId(r);
    long l2Time = r.u63("genesis L2 time");
    return new ChainGenesis(l1, l2, l2Time, readSystemConfig(r));
  }

  public static void write(BinaryWriter w, SystemConfig s) {
    w.address(s.batcherAddress()).hash(s.overhead()).hash(s.scalar());
    w.i64(s.gasLimit()).i64(s.eip1559Denominator()).i64(s.eip1559Elasticity());
    w.i64(s.operatorFeeScalar()).i64(s.operatorFeeConstant()).i64(s.minBaseFee());
    w.i32(s.daFootprintGasScalar());
  }

  public static SystemConfig readSystemConfig(BinaryReader r) {
    Address batcher = r.address();
    Hash32 overhead = r.hash();
    Hash32 scalar = r.hash();
    // u64 protocol quantities travel as raw 64-bit patterns; the record keeps their unsigned meaning.
    long gasLimit = r.i64();
    long denominator = r.i64();
    long elasticity = r.i64();
    long operatorFeeScalar = r.i64();
    long operatorFeeConstant = r.i64();
    long minBaseFee = r.i64();
    int daScalar = r.i32();
    try {
      return new SystemConfig(
          batcher, overhead, scalar, gasLimit, denominator, elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, daScalar);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad system config: " + e.getMessage());
    }
  }

  public static void write(BinaryWriter w, ForkSchedule forks) {
    int scheduled = 0;
    for (Fork f : FORKS) {
      scheduled += forks.activation(f).isPresent() ? 1 : 0;
    }
    w.i32(scheduled);
    for (Fork f : FORKS) {
      OptionalLong at = forks.activation(f);
      if (at.isPresent()) {
        w.u8(f.ordinal()).i64(at.getAsLong());
      }
    }
  }

  public static ForkSchedule readForkSchedule(BinaryReader r) {
    int count = r.count(FORKS.length, "scheduled fork count");
    ForkSchedule.Builder b = ForkSchedule.builder();
    int previousOrdinal = -1;
    for (int i = 0; i < count; i++) {
      Fork f = r.enumValue(FORKS, "fork");
      if (f.ordinal() <= previousOrdinal) {
        // One canonical encoding per schedule: ascending ordinals, no repeats.
        throw new DecodeException("fork " + f + " out of order in fork schedule");
      }
      previousOrdinal = f.ordinal();
      long at = r.u63("fork activation time");
      b.at(f, at);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad fork schedule: " + e.getMessage());
    }
  }

  public static void write(BinaryWriter w, Eip1559Params p) {
    w.i64(p.elasticity()).i64(p.denominator()).i64(p.denominatorCanyon());
  }

  public static Eip1559Params readEip1559Params(BinaryReader r) {
    long elasticity = r.i64();
    long denominator = r.i64();
    long denominatorCanyon = r.i64();
    try {
      return new Eip1559Params(elasticity, denominator, denominatorCanyon);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad EIP-1559 parameters: " + e.getMessage());
    }
  }

  public static void write(BinaryWriter w, L1ChainConfig c) {
    w.u8(L1_CHAIN_CONFIG_VERSION);
    w.i64(c.chainId());
    w.i32(c.forks().size());
    for (L1ForkActivation f : c.forks()) {
      w.u8(f.fork().ordinal()).i64(f.activationTime());
      w.bool(f.blobParams().isPresent());
      if (f.blobParams().isPresent()) {
        BlobParams p = f.blobParams().get();
        w.i64(p.target()).i64(p.max()).i64(p.updateFraction());
      }
    }
  }

  public static L1ChainConfig readL1ChainConfig(BinaryReader r) {
    int version = r.u8();
    if (version != L1_CHAIN_CONFIG_VERSION) {
      throw new DecodeException("unknown L1 chain config format version " + version);
    }
    long chainId = r.i64();
    int count = r.count(L1_FORKS.length, "L1 fork count");
    List<L1ForkActivation> forks = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        L1Fork fork = r.enumValue(L1_FORKS, "L1 fork");
        long at = r.u63("L1 fork activation time");
        Optional<BlobParams> params = r.bool() ? Optional.of(new BlobParams(r.i64(), r.i64(), r.i64())) : Optional.empty();
        forks.add(new L1ForkActivation(fork, at, params));
      }
      return new L1ChainConfig(chainId, forks);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad L1 chain config: " + e.getMessage());
    }
  }
}
