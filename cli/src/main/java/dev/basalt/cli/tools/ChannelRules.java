package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.RegistryChain;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.channel.ChannelLimits;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The fork rules a channel is read under ({@link ChannelLimits}): from {@code --chain} and {@code
 * --fork}, or the newest rules (brotli allowed, 100 MB of decompressed RLP) when neither says
 * otherwise. With a chain, the rules are the core's for that chain at the fork's activation time.
 *
 * @param description how the rules were chosen, for the output
 */
record ChannelRules(ChannelLimits limits, String description) {
  static final String BEDROCK = "bedrock";

  /** The rules for {@code fork} (null: the newest) on {@code chain} (empty: any chain). */
  static ChannelRules of(Optional<RegistryChain> chain, String fork) {
    Fork parsed = parseFork(fork);
    boolean bedrock = fork != null && parsed == null;
    if (chain.isEmpty()) {
      if (fork == null) {
        return new ChannelRules(newest(), "newest rules (Fjord and later)");
      }
      boolean fjord = !bedrock && parsed.compareTo(Fork.FJORD) >= 0;
      ChannelLimits limits = fjord
          ? new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true)
          : new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_BEDROCK, false);
      return new ChannelRules(limits, "rules of " + forkName(parsed));
    }
    RollupConfig config = chain.get().config();
    String chainName = chain.get().displayName();
    if (fork == null) {
      // Every scheduled fork is active at the largest time there is.
      return new ChannelRules(ChannelLimits.at(config, -1L), "newest rules scheduled on " + chainName);
    }
    long at;
    if (bedrock) {
      at = config.genesis().l2Time();
    } else {
      OptionalLong activation = config.forks().activation(parsed);
      if (activation.isEmpty()) {
        throw new BadInputException("--fork: " + chainName + " does not schedule " + forkName(parsed));
      }
      at = activation.getAsLong();
    }
    return new ChannelRules(ChannelLimits.at(config, at), "rules of " + forkName(parsed) + " on " + chainName
        + " (from timestamp " + Long.toUnsignedString(at) + ")");
  }

  private static ChannelLimits newest() {
    return new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);
  }

  /** The fork {@code name} names, null for Bedrock (and for no name). */
  private static Fork parseFork(String name) {
    if (name == null || name.strip().equalsIgnoreCase(BEDROCK)) {
      return null;
    }
    try {
      return Fork.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String known = Arrays.stream(Fork.values()).map(ChannelRules::forkName).collect(Collectors.joining(", "));
      throw new BadInputException("--fork: unknown fork \"" + name + "\"; one of bedrock, " + known);
    }
  }

  private static String forkName(Fork fork) {
    return fork == null ? BEDROCK : fork.name().toLowerCase(Locale.ROOT);
  }

  ObjectNode describe() {
    ObjectNode out = ToolJson.object();
    out.put("rules", description);
    out.put("maxRlpBytes", limits.maxRlpBytes());
    out.put("brotliAllowed", limits.brotliAllowed());
    return out;
  }
}
