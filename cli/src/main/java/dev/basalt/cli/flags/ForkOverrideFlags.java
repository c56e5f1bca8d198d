package dev.basalt.cli.flags;

import dev.basalt.core.config.Fork;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fork activation overrides (L2 timestamps, seconds): kona's {@code --<fork>-override} names and
 * {@code KONA_NODE_OVERRIDE_<FORK>} variables, op-node's {@code --override.<fork>} as aliases.
 * Unlike kona (which parses them without applying them), Basalt applies them to the rollup config;
 * see {@link ForkOverrides}. {@code --interop-override} is listed in {@link NotYetWired}.
 */
@Command(description = "Fork overrides (L2 activation timestamps, applied to the chain's rollup config)")
public final class ForkOverrideFlags {
  @Option(names = {"--canyon-override", "--override.canyon"}, paramLabel = "TIMESTAMP", description = "Canyon activation time.")
  @Env({"KONA_NODE_OVERRIDE_CANYON", "OP_NODE_OVERRIDE_CANYON"})
  Long canyon;

  @Option(names = {"--delta-override", "--override.delta"}, paramLabel = "TIMESTAMP", description = "Delta activation time.")
  @Env({"KONA_NODE_OVERRIDE_DELTA", "OP_NODE_OVERRIDE_DELTA"})
  Long delta;

  @Option(names = {"--ecotone-override", "--override.ecotone"}, paramLabel = "TIMESTAMP", description = "Ecotone activation time.")
  @Env({"KONA_NODE_OVERRIDE_ECOTONE", "OP_NODE_OVERRIDE_ECOTONE"})
  Long ecotone;

  @Option(names = {"--fjord-override", "--override.fjord"}, paramLabel = "TIMESTAMP", description = "Fjord activation time.")
  @Env({"KONA_NODE_OVERRIDE_FJORD", "OP_NODE_OVERRIDE_FJORD"})
  Long fjord;

  @Option(names = {"--granite-override", "--override.granite"}, paramLabel = "TIMESTAMP", description = "Granite activation time.")
  @Env({"KONA_NODE_OVERRIDE_GRANITE", "OP_NODE_OVERRIDE_GRANITE"})
  Long granite;

  @Option(names = {"--holocene-override", "--override.holocene"}, paramLabel = "TIMESTAMP", description = "Holocene activation time.")
  @Env({"KONA_NODE_OVERRIDE_HOLOCENE", "OP_NODE_OVERRIDE_HOLOCENE"})
  Long holocene;

  @Option(names = {"--pectra-blob-schedule-override", "--override.pectrablobschedule"}, paramLabel = "TIMESTAMP",
      description = "Pectra blob-schedule fix time (L1 origin timestamp).")
  @Env({"KONA_NODE_OVERRIDE_PECTRA_BLOB_SCHEDULE", "OP_NODE_OVERRIDE_PECTRABLOBSCHEDULE"})
  Long pectraBlobSchedule;

  @Option(names = {"--isthmus-override", "--override.isthmus"}, paramLabel = "TIMESTAMP", description = "Isthmus activation time.")
  @Env({"KONA_NODE_OVERRIDE_ISTHMUS", "OP_NODE_OVERRIDE_ISTHMUS"})
  Long isthmus;

  @Option(names = {"--jovian-override", "--override.jovian"}, paramLabel = "TIMESTAMP", description = "Jovian activation time.")
  @Env({"KONA_NODE_OVERRIDE_JOVIAN", "OP_NODE_OVERRIDE_JOVIAN"})
  Long jovian;

  @Option(names = {"--karst-override", "--override.karst"}, paramLabel = "TIMESTAMP",
      description = "Karst activation time (op-node's --override.karst; kona has no Karst flag yet).")
  @Env({"KONA_NODE_OVERRIDE_KARST", "OP_NODE_OVERRIDE_KARST"})
  Long karst;

  @Option(names = {"--interop-override", "--override.interop"}, paramLabel = "TIMESTAMP", description = "Interop activation time (not supported).")
  @Env({"KONA_NODE_OVERRIDE_INTEROP", "OP_NODE_OVERRIDE_INTEROP"})
  Long interop;

  /** The overrides given, checked for sign only (the chain's genesis and schedule check the rest). */
  public ForkOverrides overrides() {
    Map<Fork, Long> forks = new EnumMap<>(Fork.class);
    put(forks, Fork.CANYON, canyon);
    put(forks, Fork.DELTA, delta);
    put(forks, Fork.ECOTONE, ecotone);
    put(forks, Fork.FJORD, fjord);
    put(forks, Fork.GRANITE, granite);
    put(forks, Fork.HOLOCENE, holocene);
    put(forks, Fork.ISTHMUS, isthmus);
    put(forks, Fork.JOVIAN, jovian);
    put(forks, Fork.KARST, karst);
    if (pectraBlobSchedule != null && pectraBlobSchedule < 0) {
      throw new FlagException("--pectra-blob-schedule-override must be a timestamp (seconds, not negative), got " + pectraBlobSchedule);
    }
    return new ForkOverrides(forks, pectraBlobSchedule == null ? OptionalLong.empty() : OptionalLong.of(pectraBlobSchedule));
  }

  private static void put(Map<Fork, Long> forks, Fork fork, Long at) {
    if (at != null) {
      if (at < 0) {
        throw new FlagException(ForkOverrides.flag(fork) + " must be a timestamp (seconds, not negative), got " + at);
      }
      forks.put(fork, at);
    }
  }
}
