package dev.basalt.adapters.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every name a chain can be selected by, in precedence order: registry identifiers ({@code
 * mainnet/op}), op-node network names ({@code op-mainnet}), explicit aliases (op-node legacy names
 * and kona's alloy-chains names: {@code optimism}, {@code base}), then registry short names that
 * only one superchain uses ({@code soneium-minato}). Within one level a name naming two chains is
 * ambiguous; a higher level settles what a lower one leaves open ({@code boba} is alloy's name for
 * Boba mainnet although both superchains have a {@code boba} file).
 */
final class ChainNames {
  private static final int IDENTIFIER = 0;
  private static final int NETWORK = 1;
  private static final int ALIAS = 2;
  private static final int SHORT = 3;

  /** Per level: normalized name to the identifiers it names. */
  private final List<Map<String, Set<String>>> levels = new ArrayList<>();
  /** Normalized name to the spelling it was first given in (shown to operators). */
  private final Map<String, String> spellings = new LinkedHashMap<>();

  ChainNames(List<RegistryChain> chains, List<String[]> aliases) {
    for (int i = 0; i <= SHORT; i++) {
      levels.add(new LinkedHashMap<>());
    }
    Set<String> identifiers = new LinkedHashSet<>();
    for (RegistryChain c : chains) {
      identifiers.add(c.identifier());
      add(IDENTIFIER, c.identifier(), c.identifier());
      add(NETWORK, c.networkName(), c.identifier());
      add(SHORT, c.shortName(), c.identifier());
    }
    for (String[] a : aliases) {
      if (!identifiers.contains(a[1])) {
        throw new IllegalStateException("alias " + a[0] + " names " + a[1] + ", which is not in the registry");
      }
      add(ALIAS, a[0], a[1]);
    }
    for (int level = IDENTIFIER; level <= ALIAS; level++) {
      for (Map.Entry<String, Set<String>> e : levels.get(level).entrySet()) {
        if (e.getValue().size() > 1) {
          throw new IllegalStateException("name " + e.getKey() + " names several chains: " + e.getValue());
        }
      }
    }
  }

  private void add(int level, String name, String identifier) {
    spellings.putIfAbsent(normalize(name), name);
    levels.get(level).computeIfAbsent(normalize(name), k -> new LinkedHashSet<>()).add(identifier);
  }

  /** Case-insensitive, and {@code _} matches {@code -} (alloy accepts both spellings). */
  static String normalize(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The identifiers {@code name} selects at the first level that knows it: one for a match,
   * several for an ambiguous short name, none when unknown.
   */
  List<String> lookup(String name) {
    String key = normalize(name);
    for (Map<String, Set<String>> level : levels) {
      Set<String> ids = level.get(key);
      if (ids != null) {
        return List.copyOf(ids);
      }
    }
    return List.of();
  }

  /** Names of {@code identifier} at every level (what {@code basalt registry} shows). */
  List<String> namesOf(String identifier) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, Set<String>> level : levels) {
      for (Map.Entry<String, Set<String>> e : level.entrySet()) {
        if (e.getValue().equals(Set.of(identifier)) && lookup(e.getKey()).equals(List.of(identifier))) {
          out.add(spellings.get(e.getKey()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** Up to {@code limit} known names close to {@code query}: small edit distance or containment. */
  List<String> closeMatches(String query, int limit) {
    String q = normalize(query);
    int threshold = Math.max(2, q.length() / 3);
    Map<String, Integer> scored = new LinkedHashMap<>();
    for (Map<String, Set<String>> level : levels) {
      for (String name : level.keySet()) {
        int d = editDistance(q, name);
        boolean contains = q.length() >= 3 && (name.contains(q) || q.contains(name) && name.length() >= 3);
        if (d <= threshold || contains) {
          scored.merge(name, contains ? Math.min(d, threshold) : d, Math::min);
        }
      }
    }
    return scored.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> spellings.get(e.getKey()))
        .toList();
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Parses {@code aliases.txt}: {@code <alias> <identifier>} per line, {@code #} comments. */
  static List<String[]> parseAliases(String text, String source) {
    List<String[]> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new IllegalStateException(source + ":" + (i + 1) + ": expected '<alias> <identifier>'");
      }
      out.add(parts);
    }
    return out;
  }
}
