package dev.basalt.core.derive.pipeline;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Configs, references and frames for the pipeline's unit tests. */
public final class Fixtures {
  public static final Address BATCH_INBOX = Address.fromHex("0xff00000000000000000000000000000000000010");
  public static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");

  private Fixtures() {}

  /** A rollup config with the given timing parameters and fork schedule. */
  public static RollupConfig config(
      long genesisL2Time, long blockTime, long seqWindow, long maxDrift, long channelTimeout, ForkSchedule forks) {
    return config(genesisL2Time, blockTime, seqWindow, maxDrift, channelTimeout, forks, Address.ZERO);
  }

  public static RollupConfig config(
      long genesisL2Time, long blockTime, long seqWindow, long maxDrift, long channelTimeout, ForkSchedule forks, Address batcher) {
    SystemConfig system = new SystemConfig(batcher, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    ChainGenesis genesis = new ChainGenesis(BlockId.ZERO, BlockId.ZERO, genesisL2Time, system);
    return new RollupConfig(1, 901, genesis, blockTime, maxDrift, seqWindow, channelTimeout, BATCH_INBOX,
        Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"), SYSTEM_CONFIG, forks, -1,
        new Eip1559Params(6, 50, 250), false);
  }

  /** Forks up to and including {@code last} active from time 0, later ones never. */
  public static ForkSchedule forksThrough(Fork last) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    if (last != null) {
      for (Fork f : Fork.values()) {
        if (f.ordinal() <= last.ordinal()) {
          b.at(f, 0);
        }
      }
    }
    return b.build();
  }

  /** Forks before {@code at} active from 0, {@code at} from {@code time}, later forks never. */
  public static ForkSchedule forkAt(Fork at, long time) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (f.ordinal() < at.ordinal()) {
        b.at(f, 0);
      } else if (f == at) {
        b.at(f, time);
      }
    }
    return b.build();
  }

  /** Forks before {@code at} active from 0, {@code at} and every later fork from {@code time}. */
  public static ForkSchedule forksWith(Fork at, long time) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      b.at(f, f.ordinal() < at.ordinal() ? 0 : time);
    }
    return b.build();
  }

  /**
   * A hash whose first byte is {@code tag} and next eight bytes are {@code n}, so that hashes differ
   * within the 20-byte prefix span batches check.
   */
  public static Hash32 hash(int tag, long n) {
    byte[] b = new byte[32];
    b[0] = (byte) tag;
    for (int i = 0; i < 8; i++) {
      b[1 + i] = (byte) (n >>> (56 - 8 * i));
    }
    b[31] = 1;
    return Hash32.wrap(b);
  }

  /** A chain of L1 refs: numbers from {@code first}, hashes tagged 1, the given timestamps. */
  public static List<L1BlockRef> l1Chain(long first, long... times) {
    List<L1BlockRef> out = new ArrayList<>();
    Hash32 parent = hash(0xee, first - 1);
    for (int i = 0; i < times.length; i++) {
      Hash32 h = hash(1, first + i);
      out.add(new L1BlockRef(h, first + i, parent, times[i]));
      parent = h;
    }
    return out;
  }

  public static L2BlockRef l2(long number, Hash32 parentHash, long time, L1BlockRef origin, long seq) {
    return new L2BlockRef(hash(2, number), number, parentHash, time, origin.id(), seq);
  }

  /** op-node's test channel ids: the name's bytes, zero padded to 16. */
  public static ChannelId channelId(String name) {
    byte[] b = new byte[ChannelId.LENGTH];
    byte[] s = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(s, 0, b, 0, Math.min(s.length, b.length));
    return ChannelId.wrap(b);
  }

  /** op-node's test frame notation {@code "<channel>:<number>:<data>[!]"}, {@code !} = last. */
  public static Frame frame(String spec) {
    String[] parts = spec.split(":", 3);
    boolean last = parts[2].endsWith("!");
    String data = last ? parts[2].substring(0, parts[2].length() - 1) : parts[2];
    return new Frame(channelId(parts[0]), Integer.parseInt(parts[1]), Bytes.of(data.getBytes(StandardCharsets.UTF_8)), last);
  }

  public static List<Frame> frames(String... specs) {
    List<Frame> out = new ArrayList<>();
    for (String s : specs) {
      out.add(frame(s));
    }
    return out;
  }

  public static String text(Bytes b) {
    return new String(b.toArray(), StandardCharsets.UTF_8);
  }
}
