package dev.basalt.adapters.rpc;

/**
 * A JSON-RPC error object as an exception: a method throws it (or completes its stage with it)
 * to answer with an error. Codes and messages follow go-ethereum's RPC server, which op-node
 * uses, wherever it defines them. No stack trace: these are answers, not bugs.
 */
public final class RpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** go-ethereum's code for any error a method returns. */
  public static final int SERVER_ERROR = -32000;
  /** go-ethereum's "notifications not supported" (a subscription asked for over HTTP). */
  public static final int NOTIFICATIONS_UNSUPPORTED = -32001;
  /** go-ethereum's "request timed out". */
  public static final int TIMEOUT = -32002;

  private final int code;

  public RpcError(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static RpcError parseError(String detail) {
    return new RpcError(PARSE_ERROR, detail);
  }

  public static RpcError invalidRequest(String message) {
    return new RpcError(INVALID_REQUEST, message);
  }

  public static RpcError methodNotFound(String method) {
    return new RpcError(METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  public static RpcError invalidParams(String message) {
    return new RpcError(INVALID_PARAMS, message);
  }

  public static RpcError internal(String message) {
    return new RpcError(INTERNAL_ERROR, message);
  }

  /** An error a method returns (op-node's Go {@code error} values all arrive as -32000). */
  public static RpcError server(String message) {
    return new RpcError(SERVER_ERROR, message);
  }

  public static RpcError timeout() {
    return new RpcError(TIMEOUT, "request timed out");
  }

  @Override
  public String toString() {
    return "RpcError(" + code + ", " + getMessage() + ")";
  }
}
