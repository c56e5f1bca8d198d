package dev.basalt.adapters.http;

import dev.basalt.core.event.FailureKind;
import java.util.Locale;

/**
 * Observes every outbound JSON-RPC call an adapter makes (for metrics). Called on the adapter's
 * own worker thread after the call ends; it must be fast and must not throw (a throwing listener
 * is ignored, never allowed to change what the adapter does).
 */
@FunctionalInterface
public interface CallListener {
  /** The outcome label of a call answered with a result. */
  String OK = "ok";

  /** The outcome label of a call answered with a JSON-RPC error object. */
  String RPC_ERROR = "rpc_error";

  /**
   * @param method the JSON-RPC method (for a batch, the method of its calls)
   * @param elapsedNanos from the moment the adapter accepted the call to its outcome
   * @param outcome {@link #OK}, {@link #RPC_ERROR} or {@link #outcome(FailureKind)}
   */
  void onCall(String method, long elapsedNanos, String outcome);

  /** The label of a failed call: the failure kind in lower case ({@code timeout}, {@code transport}...). */
  static String outcome(FailureKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Calls {@code listener}, swallowing anything it throws. */
  static void notify(CallListener listener, String method, long elapsedNanos, String outcome) {
    try {
      listener.onCall(method, elapsedNanos, outcome);
    } catch (RuntimeException e) {
      // Observation must never change the adapter's behaviour.
    }
  }

  CallListener NONE = (method, elapsedNanos, outcome) -> {};
}
