package dev.basalt.adapters.config;

import dev.basalt.core.config.Eip1559Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chains Basalt knows without any file from the operator: the superchain registry snapshot in
 * the jar ({@code registry/configs/**}, sources in {@code registry/PROVENANCE.md}). Lists them (with
 * their fork times, for {@code basalt registry}) and resolves {@code --chain} selectors: a numeric
 * chain id, or any name {@link ChainNames} knows.
 */
public final class ChainRegistry {
  private static final String ROOT = "registry/";

  private final List<RegistryChain> chains;
  private final ChainNames names;

  private ChainRegistry(List<RegistryChain> chains, List<String[]> aliases) {
    List<RegistryChain> sorted = new ArrayList<>(chains);
    sorted.sort(Comparator.comparing(RegistryChain::superchain).thenComparingLong(RegistryChain::chainId));
    Map<Long, String> ids = new LinkedHashMap<>();
    for (RegistryChain c : sorted) {
      String clash = ids.put(c.chainId(), c.identifier());
      if (clash != null) {
        throw new IllegalStateException("chain id " + c.chainId() + " used by " + clash + " and " + c.identifier());
      }
    }
    this.chains = List.copyOf(sorted);
    this.names = new ChainNames(this.chains, aliases);
  }

  private static final class Embedded {
    static final ChainRegistry INSTANCE = load(Resources::read);
  }

  /** The registry shipped in the jar, loaded once. */
  public static ChainRegistry embedded() {
    return Embedded.INSTANCE;
  }

  /**
   * Loads a registry laid out like the embedded one: {@code registry/index.txt} lists {@code
   * configs/<superchain>/<file>.toml} paths, {@code registry/aliases.txt} the extra names.
   */
  static ChainRegistry load(Function<String, String> reader) {
    List<String> paths = new ArrayList<>();
    for (String line : reader.apply(ROOT + "index.txt").split("\n")) {
      String p = line.strip();
      if (!p.isEmpty() && !p.startsWith("#")) {
        paths.add(p);
      }
    }
    Map<String, Superchain> superchains = new LinkedHashMap<>();
    for (String p : paths) {
      String[] parts = parts(p);
      if (parts[1].equals("superchain")) {
        superchains.put(parts[0], RegistryTomlParser.parseSuperchain(reader.apply(ROOT + p), p, parts[0]));
      }
    }
    List<RegistryChain> chains = new ArrayList<>();
    for (String p : paths) {
      String[] parts = parts(p);
      if (!parts[1].equals("superchain")) {
        Superchain sc = superchains.get(parts[0]);
        if (sc == null) {
          throw new ConfigException(p + ": no superchain.toml for superchain " + parts[0]);
        }
        chains.add(RegistryTomlParser.parseChain(reader.apply(ROOT + p), p, sc, parts[1]));
      }
    }
    String aliases = ROOT + "aliases.txt";
    return new ChainRegistry(chains, ChainNames.parseAliases(reader.apply(aliases), aliases));
  }

  /** {@code configs/<superchain>/<name>.toml} as {superchain, name}. */
  private static String[] parts(String path) {
    String[] segments = path.split("/");
    if (segments.length != 3 || !segments[0].equals("configs") || !segments[2].endsWith(".toml")) {
      throw new IllegalStateException("registry index entry not of the form configs/<superchain>/<chain>.toml: " + path);
    }
    return new String[] {segments[1], segments[2].substring(0, segments[2].length() - ".toml".length())};
  }

  /** Every chain, by superchain then chain id. */
  public List<RegistryChain> chains() {
    return chains;
  }

  public Optional<RegistryChain> byChainId(long chainId) {
    return chains.stream().filter(c -> c.chainId() == chainId).findFirst();
  }

  /** The chain's EIP-1559 defaults, for a {@code rollup.json} that lacks them. */
  public Optional<Eip1559Params> eip1559(long chainId) {
    return byChainId(chainId).map(c -> c.config().eip1559());
  }

  /** All names that select {@code chain}, most specific first. */
  public List<String> namesOf(RegistryChain chain) {
    return names.namesOf(chain.identifier());
  }

  /**
   * The chain a {@code --chain} value selects: a decimal chain id, or a name.
   *
   * @throws UnknownChainException for an unknown or ambiguous selector, listing close matches or
   *     the candidates
   */
  public RegistryChain resolve(String selector) {
    String s = selector.strip();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      long id;
      try {
        id = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new UnknownChainException("chain id " + s + " is out of range", List.of());
      }
      return byChainId(id).orElseThrow(() -> new UnknownChainException(
          "no chain with id " + id + " in the embedded registry; pass a rollup config file (--rollup-cfg) for other chains", List.of()));
    }
    List<String> ids = names.lookup(s);
    if (ids.size() == 1) {
      return byIdentifier(ids.get(0));
    }
    if (ids.size() > 1) {
      List<String> choices = ids.stream().map(this::byIdentifier).map(RegistryChain::networkName).toList();
      throw new UnknownChainException(
          "chain name \"" + s + "\" is ambiguous; choose one of: " + describe(choices), choices);
    }
    List<String> close = names.closeMatches(s, 6);
    String hint = close.isEmpty() ? "" : "; did you mean: " + describe(close);
    throw new UnknownChainException(
        "unknown chain \"" + s + "\"" + hint + " (a chain id or a registry name such as op-mainnet; 'basalt registry' lists them)", close);
  }

  private RegistryChain byIdentifier(String identifier) {
    return chains.stream().filter(c -> c.identifier().equals(identifier)).findFirst().orElseThrow();
  }

  private String describe(List<String> candidates) {
    List<String> out = new ArrayList<>();
    for (String n : candidates) {
      List<String> ids = names.lookup(n);
      String what = ids.size() == 1
          ? " (" + byIdentifier(ids.get(0)).displayName() + ", " + byIdentifier(ids.get(0)).chainId() + ")"
          : "";
      out.add(n + what);
    }
    return String.join(", ", out);
  }
}
