package dev.basalt.cli.flags;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Picocli default values from environment variables named by {@link Env}: an option absent from
 * the command line takes its variable's value, else its annotated default. The environment is a
 * map so that tests can hand in their own without touching the process's.
 */
public final class EnvDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;

  public EnvDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The variables {@code arg} reads, empty for an option without {@link Env}. */
  public static List<String> names(ArgSpec arg) {
    if (arg.userObject() instanceof Field f && f.isAnnotationPresent(Env.class)) {
      return List.of(f.getAnnotation(Env.class).value());
    }
    return List.of();
  }

  /** The first of {@code names} that is set (to anything but the empty string), with its value. */
  public Optional<Map.Entry<String, String>> lookup(List<String> names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isEmpty()) {
        return Optional.of(Map.entry(n, v));
      }
    }
    return Optional.empty();
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg.type() == boolean[].class) {
      return null; // counted flags (-v) read their variable themselves: a count is no default value
    }
    return lookup(names(arg)).map(Map.Entry::getValue).orElse(null);
  }

  public Map<String, String> env() {
    return env;
  }
}
