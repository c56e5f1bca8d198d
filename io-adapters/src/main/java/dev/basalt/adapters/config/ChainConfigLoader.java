package dev.basalt.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Turns a {@link ChainSelection} into the node's {@link NodeChainConfig}: the rollup config from a
 * file or the embedded registry, the L1 config from a file or the embedded ones, and the checks
 * that tie them together. All of it works offline.
 */
public final class ChainConfigLoader {
  private static final long HOLESKY = 17000;

  private final ChainRegistry registry;

  public ChainConfigLoader(ChainRegistry registry) {
    this.registry = registry;
  }

  public static NodeChainConfig load(ChainSelection selection) {
    return new ChainConfigLoader(ChainRegistry.embedded()).resolve(selection);
  }

  public NodeChainConfig resolve(ChainSelection selection) {
    List<String> warnings = new ArrayList<>();
    RollupConfig rollup;
    String source;
    if (selection.rollupConfigFile().isPresent()) {
      Path file = selection.rollupConfigFile().get();
      source = file.toString();
      rollup = fromFile(file, selection, warnings);
    } else if (selection.chain().isPresent()) {
      RegistryChain chain = registry.resolve(selection.chain().get());
      source = "registry " + chain.identifier();
      warnings.addAll(chain.warnings());
      rollup = chain.config();
    } else {
      throw new ConfigException("no chain selected: pass --chain <id or name> or a rollup config file");
    }
    refuseUnsupported(rollup, source);
    L1ChainConfig l1 = l1Config(rollup, selection, warnings);
    if (probablyMissingPectraBlobSchedule(rollup, l1)) {
      warnings.add(source + ": L2 genesis predates L1 Prague on " + l1.chainId()
          + " but no pectra_blob_schedule_time is set; if this chain's sequencer ran op-node before v1.12 at Prague, "
          + "the L1 blob base fee will not match its history");
    }
    return new NodeChainConfig(rollup, l1, source, warnings);
  }

  private RollupConfig fromFile(Path file, ChainSelection selection, List<String> warnings) {
    String text = read(file);
    String source = file.toString();
    JsonNode tree = JsonTrees.parse(text, source);
    RollupConfig rollup;
    if (tree.isObject() && tree.has("superchains")) {
      rollup = pickFromKonaRegistry(KonaRegistryJsonParser.parse(tree, source), selection, source, warnings);
    } else {
      ParsedRollupConfig parsed = RollupJsonParser.parse(tree, source, registry::eip1559);
      warnings.addAll(parsed.warnings());
      rollup = parsed.config();
      selection.chain().ifPresent(sel -> requireSameChain(sel, rollup, source));
    }
    return rollup;
  }

  /** A kona registry file holds many chains: {@code --chain} picks one, by id or by name. */
  private RollupConfig pickFromKonaRegistry(List<RegistryChain> chains, ChainSelection selection, String source, List<String> warnings) {
    if (selection.chain().isEmpty()) {
      throw new ConfigException(source + ": holds " + chains.size() + " chains; select one with --chain");
    }
    String sel = selection.chain().get().strip();
    OptionalLong id = chainIdOf(sel);
    for (RegistryChain c : chains) {
      boolean byName = ChainNames.normalize(c.shortName()).equals(ChainNames.normalize(sel));
      if (byName || id.isPresent() && id.getAsLong() == c.chainId()) {
        warnings.addAll(c.warnings());
        return c.config();
      }
    }
    throw new ConfigException(source + ": has no chain \"" + sel + "\"");
  }

  /** The chain id a selector means: a number, or a name the embedded registry knows. */
  private OptionalLong chainIdOf(String selector) {
    if (!selector.isEmpty() && selector.chars().allMatch(Character::isDigit)) {
      return OptionalLong.of(Long.parseLong(selector));
    }
    try {
      return OptionalLong.of(registry.resolve(selector).chainId());
    } catch (UnknownChainException e) {
      return OptionalLong.empty();
    }
  }

  private void requireSameChain(String selector, RollupConfig rollup, String source) {
    OptionalLong id = chainIdOf(selector.strip());
    if (id.isEmpty() || id.getAsLong() != rollup.l2ChainId()) {
      throw new ConfigException(source + ": is the config of L2 chain " + rollup.l2ChainId() + ", but --chain says " + selector);
    }
  }

  private static void refuseUnsupported(RollupConfig rollup, String source) {
    if (!rollup.isSupported()) {
      String what = rollup.unsupportedFeatures().stream().map(UnsupportedFeature::description).collect(Collectors.joining(", "));
      throw new ConfigException(source + ": chain " + rollup.l2ChainId() + " uses features Basalt does not support: " + what);
    }
  }

  private static L1ChainConfig l1Config(RollupConfig rollup, ChainSelection selection, List<String> warnings) {
    L1ChainConfig l1;
    if (selection.l1ConfigFile().isPresent()) {
      Path file = selection.l1ConfigFile().get();
      ParsedL1ChainConfig parsed = L1ChainConfigParser.parse(read(file), file.toString());
      warnings.addAll(parsed.warnings());
      l1 = parsed.config();
      if (l1.chainId() != rollup.l1ChainId()) {
        throw new ConfigException(file + ": is the config of L1 chain " + l1.chainId() + ", but the rollup settles on L1 chain " + rollup.l1ChainId());
      }
    } else {
      l1 = EmbeddedL1Configs.forChainId(rollup.l1ChainId()).orElseThrow(() -> new ConfigException(
          "no built-in config for L1 chain " + rollup.l1ChainId() + "; pass one with --rollup-l1-cfg (a genesis or chain config JSON)"));
    }
    return l1;
  }

  /**
   * op-node's {@code ProbablyMissingPectraBlobSchedule}: a Sepolia or Holesky chain that existed
   * before L1 Prague, without the fix time set. Only a warning: chains whose sequencer upgraded in
   * time need no fix.
   */
  static boolean probablyMissingPectraBlobSchedule(RollupConfig rollup, L1ChainConfig l1) {
    boolean affectedL1 = l1.chainId() == EmbeddedL1Configs.SEPOLIA || l1.chainId() == HOLESKY;
    OptionalLong prague = l1.activation(L1Fork.PRAGUE);
    return affectedL1
        && rollup.pectraBlobScheduleTime() < 0
        && prague.isPresent()
        && rollup.genesis().l2Time() < prague.getAsLong();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
