package dev.basalt.testdata.sim;

import dev.basalt.testdata.gen.SimRng;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Swarm testing: a seed first picks which fault classes are on and how often each fires (per
 * mille per step), so different seeds stress different mixes instead of every seed getting a thin
 * average of everything.
 */
public record SwarmProfile(String name, Map<FaultClass, Integer> perMille) {
  public SwarmProfile {
    perMille = Map.copyOf(perMille);
  }

  /**
   * {@code swarm}: each class off with chance 1/3, otherwise 5..120 per mille; {@code heavy}:
   * everything on, 60..200 per mille; {@code calm}: no faults.
   */
  public static SwarmProfile of(String name, SimRng rng) {
    return of(name, rng, dev.basalt.core.NodeMode.VALIDATOR);
  }

  /** As {@link #of(String, SimRng)}; classes that do not apply to {@code mode} stay off and draw nothing. */
  public static SwarmProfile of(String name, SimRng rng, dev.basalt.core.NodeMode mode) {
    EnumMap<FaultClass, Integer> rates = new EnumMap<>(FaultClass.class);
    for (FaultClass f : FaultClass.values()) {
      if (!f.appliesTo(mode)) {
        continue;
      }
      int rate = switch (name.toLowerCase(Locale.ROOT)) {
        case "swarm" -> rng.chance(1, 3) ? 0 : (int) rng.between(5, 120);
        case "heavy" -> (int) rng.between(60, 200);
        case "calm" -> 0;
        default -> throw new IllegalArgumentException("unknown profile '" + name + "': swarm, heavy or calm");
      };
      rates.put(f, rate);
    }
    return new SwarmProfile(name, rates);
  }

  public int rate(FaultClass f) {
    return perMille.getOrDefault(f, 0);
  }
}
