package dev.basalt.adapters.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods the server answers, by full name ({@code namespace_method}). Other features (the
 * sequencer's {@code admin_*}, P2P's {@code opp2p_*}) register theirs here without touching the
 * dispatcher, at any time, from any thread.
 *
 * <p>Without {@code enableAdmin} the {@code admin} namespace does not exist, as in op-node:
 * registering an {@code admin_*} method is then a no-op and calling one is "method not found".
 */
public final class MethodRegistry {
  /** The namespace gated by {@code enableAdmin}. */
  public static final String ADMIN_PREFIX = "admin_";

  private final boolean adminEnabled;
  private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

  public MethodRegistry(boolean adminEnabled) {
    this.adminEnabled = adminEnabled;
  }

  /**
   * Adds {@code method} under {@code name}.
   *
   * @return false when it was not added because it is an admin method and admin is disabled
   * @throws IllegalArgumentException when {@code name} is taken or not {@code namespace_method}
   */
  public boolean register(String name, RpcMethod method) {
    Objects.requireNonNull(method, "method");
    int sep = name.indexOf('_');
    if (sep <= 0 || sep == name.length() - 1) {
      throw new IllegalArgumentException("method name must be namespace_method, got '" + name + "'");
    }
    if (!adminEnabled && name.startsWith(ADMIN_PREFIX)) {
      return false;
    }
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("method " + name + " is already registered");
    }
    return true;
  }

  /** The method called {@code name}, or null. */
  public RpcMethod lookup(String name) {
    return methods.get(name);
  }

  public boolean adminEnabled() {
    return adminEnabled;
  }

  /** Registered names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(methods.keySet());
  }

  /** The namespaces with at least one method ({@code rpc_modules}). */
  public Set<String> namespaces() {
    Set<String> out = new TreeSet<>();
    for (String name : methods.keySet()) {
      out.add(name.substring(0, name.indexOf('_')));
    }
    return out;
  }
}
