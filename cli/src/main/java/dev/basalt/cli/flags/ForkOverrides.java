package dev.basalt.cli.flags;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Fork times the operator overrides, applied over the chain's rollup config. Refused, naming the
 * flag: a fork before the chain's L2 genesis, a fork out of order with its neighbours, or a fork
 * scheduled while an earlier one is not.
 *
 * @param forks activation times by fork
 * @param pectraBlobSchedule the Pectra blob-schedule fix time, when overridden
 */
public record ForkOverrides(Map<Fork, Long> forks, OptionalLong pectraBlobSchedule) {
  public ForkOverrides {
    forks = forks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(forks));
  }

  public static ForkOverrides none() {
    return new ForkOverrides(Map.of(), OptionalLong.empty());
  }

  public boolean isEmpty() {
    return forks.isEmpty() && pectraBlobSchedule.isEmpty();
  }

  /** kona's flag for {@code fork} ({@code --canyon-override}). */
  public static String flag(Fork fork) {
    return "--" + fork.name().toLowerCase(Locale.ROOT) + "-override";
  }

  private static String name(Fork fork) {
    String n = fork.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /** {@code config} with these overrides, or a {@link FlagException} naming the flag and the fix. */
  public RollupConfig apply(RollupConfig config) {
    if (isEmpty()) {
      return config;
    }
    long genesis = config.genesis().l2Time();
    long[] at = new long[Fork.values().length];
    for (Fork f : Fork.values()) {
      at[f.ordinal()] = forks.containsKey(f) ? forks.get(f) : config.forks().activation(f).orElse(-1);
    }
    for (Map.Entry<Fork, Long> e : new EnumMap<>(forks).entrySet()) {
      if (e.getValue() < genesis) {
        throw new FlagException(flag(e.getKey()) + " " + e.getValue() + " is before chain " + config.l2ChainId()
            + "'s L2 genesis time " + genesis + "; give a time at or after genesis");
      }
    }
    Fork previous = null;
    for (Fork f : Fork.values()) {
      if (at[f.ordinal()] < 0) {
        checkNoLaterScheduled(f, at);
        continue;
      }
      if (previous != null && at[f.ordinal()] < at[previous.ordinal()]) {
        Fork blamed = forks.containsKey(f) ? f : previous;
        Fork other = blamed == f ? previous : f;
        throw new FlagException(flag(blamed) + " " + at[blamed.ordinal()] + " puts " + name(blamed) + (blamed == f ? " before " : " after ")
            + name(other) + " (at " + at[other.ordinal()] + "); forks activate in order, so override " + name(other) + " too ("
            + flag(other) + ")");
      }
      previous = f;
    }
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (at[f.ordinal()] >= 0) {
        b.at(f, at[f.ordinal()]);
      }
    }
    return new RollupConfig(config.l1ChainId(), config.l2ChainId(), config.genesis(), config.blockTimeSeconds(),
        config.maxSequencerDriftSeconds(), config.seqWindowSize(), config.channelTimeoutBedrock(), config.batchInboxAddress(),
        config.depositContractAddress(), config.l1SystemConfigAddress(), b.build(),
        pectraBlobSchedule.orElse(config.pectraBlobScheduleTime()), config.eip1559(), config.keepKarstUpgradeGas(),
        config.protocolVersionsAddress(), config.unsupportedFeatures());
  }

  /** An unscheduled {@code gap} with a later fork scheduled by an override: name the override and the missing flag. */
  private void checkNoLaterScheduled(Fork gap, long[] at) {
    for (Fork later : Fork.values()) {
      if (later.ordinal() > gap.ordinal() && at[later.ordinal()] >= 0) {
        Fork blamed = forks.containsKey(later) ? later : null;
        if (blamed != null) {
          throw new FlagException(flag(later) + " schedules " + name(later) + ", but " + name(gap)
              + " (an earlier fork) is not scheduled on this chain; give " + flag(gap) + " too");
        }
      }
    }
  }
}
