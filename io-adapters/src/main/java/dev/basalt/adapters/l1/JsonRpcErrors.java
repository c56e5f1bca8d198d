package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.core.event.FailureKind;
import java.util.Locale;
import org.web3j.protocol.core.Response;

/** Classifies JSON-RPC error objects. */
final class JsonRpcErrors {
  /** JSON-RPC 2.0: the method does not exist or is not available. */
  static final int METHOD_NOT_FOUND = -32601;
  /** EIP-1474: request limit exceeded (rate limiting); worth retrying after a pause. */
  static final int LIMIT_EXCEEDED = -32005;

  private JsonRpcErrors() {}

  static CallFailure failure(String what, Response.Error error) {
    String detail = what + ": JSON-RPC error " + error.getCode() + " " + error.getMessage();
    boolean retry = error.getCode() == LIMIT_EXCEEDED;
    return new CallFailure(FailureKind.REMOTE_ERROR, detail, retry, 0);
  }

  /**
   * True when the failure says the method is missing: code -32601, or, from servers that use a
   * generic code, a message such as "the method eth_getBlockReceipts does not exist/is not
   * available" or "method not supported".
   */
  static boolean isMethodMissing(CallFailure failure) {
    String m = failure.detail().toLowerCase(Locale.ROOT);
    if (m.contains("json-rpc error " + METHOD_NOT_FOUND + " ")) {
      return true;
    }
    return m.contains("json-rpc error") && m.contains("method")
        && (m.contains("not found") || m.contains("does not exist") || m.contains("not available")
            || m.contains("not supported") || m.contains("unsupported"));
  }
}
