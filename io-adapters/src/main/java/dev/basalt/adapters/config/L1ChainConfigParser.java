package dev.basalt.adapters.config;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an L1 chain config: an L1 genesis file (its {@code config} object) or a bare chain config
 * object, as go-ethereum writes them and as kona's {@code --rollup-l1-cfg} and op-node's {@code
 * --rollup.l1-chain-config} take them. Only the chain id, the blob-relevant fork times ({@code
 * cancunTime} ... {@code bpo5Time}) and {@code blobSchedule} are used.
 *
 * <p>Strictness: an entry of {@code blobSchedule} or a key inside one that this build does not
 * know is refused (it would change the blob base fee); an unknown {@code *Time} fork key gets a
 * warning (go-ethereum gives named forks after Osaka no blob parameters of their own, so it cannot
 * change the fee unless it also has a schedule entry); everything else in a genesis file (alloc,
 * EL-only forks and engines) is none of the rollup node's business. Cancun and Prague without a
 * schedule entry get their EIP-fixed parameters (genesis files from before EIP-7840 lack them);
 * a scheduled BPO fork without one is an error.
 */
public final class L1ChainConfigParser {
  /** Time-based L1 forks that never carry a blob schedule entry of their own. */
  private static final List<String> OTHER_FORK_TIMES = List.of("shanghaiTime", "amsterdamTime", "bogotaTime", "ubtTime", "verkleTime");

  private L1ChainConfigParser() {}

  public static ParsedL1ChainConfig parse(String json, String source) {
    ConfigNode root = ConfigNode.root(JsonTrees.parse(json, source), source);
    List<String> warnings = new ArrayList<>();
    ConfigNode config = root.has("config") ? root.table("config") : root;
    long chainId = config.positive("chainId");
    ConfigNode schedule = config.optionalTable("blobSchedule").orElse(null);
    List<L1ForkActivation> forks = new ArrayList<>();
    for (L1Fork fork : L1Fork.values()) {
      String timeKey = key(fork) + "Time";
      OptionalLong at = config.optionalU63(timeKey);
      Optional<BlobParams> params = schedule == null ? Optional.empty() : blobParams(schedule, key(fork), warnings);
      if (at.isEmpty()) {
        continue;
      }
      if (params.isEmpty()) {
        params = defaultParams(fork, config, timeKey, warnings);
      }
      forks.add(new L1ForkActivation(fork, at.getAsLong(), params));
    }
    if (schedule != null) {
      schedule.finish(UnknownKeys.REFUSE, warnings);
    }
    for (String k : config.keys()) {
      if (k.endsWith("Time") && !OTHER_FORK_TIMES.contains(k) && forks.stream().noneMatch(f -> (key(f.fork()) + "Time").equals(k))) {
        warnings.add(source + ": unknown L1 fork '" + config.pathOf(k) + "'; assuming it leaves the blob schedule unchanged");
      }
    }
    config.finish(UnknownKeys.IGNORE, warnings);
    root.finish(UnknownKeys.IGNORE, warnings);
    try {
      return new ParsedL1ChainConfig(new L1ChainConfig(chainId, forks), warnings);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }

  /** The JSON spelling of a fork ({@code cancun}, {@code bpo1}). */
  static String key(L1Fork fork) {
    return fork.name().toLowerCase(Locale.ROOT);
  }

  private static Optional<BlobParams> blobParams(ConfigNode schedule, String forkKey, List<String> warnings) {
    Optional<ConfigNode> entry = schedule.optionalTable(forkKey);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    ConfigNode e = entry.get();
    long target = e.u63("target");
    long max = e.u63("max");
    long fraction = e.positive("baseFeeUpdateFraction");
    e.finish(UnknownKeys.REFUSE, warnings);
    if (max < target) {
      throw e.error("max", "is below the target " + target);
    }
    return Optional.of(new BlobParams(target, max, fraction));
  }

  private static Optional<BlobParams> defaultParams(L1Fork fork, ConfigNode config, String timeKey, List<String> warnings) {
    switch (fork) {
      case CANCUN, PRAGUE -> {
        BlobParams fixed = fork == L1Fork.CANCUN ? BlobParams.CANCUN : BlobParams.PRAGUE;
        warnings.add(config.source() + ": no blobSchedule." + key(fork) + "; using the EIP-fixed parameters " + fixed);
        return Optional.of(fixed);
      }
      case OSAKA -> {
        return Optional.empty();
      }
      default -> throw config.error(timeKey, "scheduled, but blobSchedule has no '" + key(fork) + "' entry");
    }
  }
}
