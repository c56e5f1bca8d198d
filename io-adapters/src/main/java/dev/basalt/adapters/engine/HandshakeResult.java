package dev.basalt.adapters.engine;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the startup handshake with the engine found, ready for the CLI to print. Only
 * {@link Ready} lets the node start; the others name the likely cause.
 */
public sealed interface HandshakeResult {
  URI url();

  boolean ok();

  /** One line for the operator. */
  String describe();

  /**
   * The engine answered with the JWT we hold.
   *
   * @param missing methods Basalt may call that the engine did not list (a warning, not fatal:
   *     e.g. op-geth lacks {@code engine_getPayloadV5}, which only matters from Karst on)
   */
  record Ready(URI url, List<String> engineCapabilities, List<String> missing) implements HandshakeResult {
    public Ready {
      Objects.requireNonNull(url, "url");
      engineCapabilities = List.copyOf(engineCapabilities);
      missing = List.copyOf(missing);
    }

    @Override
    public boolean ok() {
      return true;
    }

    @Override
    public String describe() {
      String base = "engine at " + url + " is ready (" + engineCapabilities.size() + " capabilities)";
      return missing.isEmpty() ? base : base + "; it lacks " + String.join(", ", missing);
    }
  }

  /** HTTP 401/403: the engine does not accept our JWT. */
  record Unauthorized(URI url, String detail) implements HandshakeResult {
    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public String describe() {
      return "engine at " + url + " rejected the JWT: the node and the engine must share the same secret file ("
          + detail + ")";
    }
  }

  /** No connection or no answer in time. */
  record Unreachable(URI url, String detail) implements HandshakeResult {
    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public String describe() {
      return "engine at " + url + " is unreachable: " + detail + " (is it running, with its authrpc on this address?)";
    }
  }

  /** It answered, but not as an engine should (RPC error, HTTP error, malformed body). */
  record Rejected(URI url, String detail) implements HandshakeResult {
    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public String describe() {
      return "engine at " + url + " answered engine_exchangeCapabilities unexpectedly: " + detail;
    }
  }
}
