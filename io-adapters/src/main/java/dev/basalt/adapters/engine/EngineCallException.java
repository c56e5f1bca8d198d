package dev.basalt.adapters.engine;

/**
 * An Engine API call a server cannot take: an unknown method ({@link #METHOD_NOT_FOUND}) or
 * parameters that do not decode ({@link #INVALID_PARAMS}, the message naming the offending path).
 */
public final class EngineCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** JSON-RPC "method not found". */
  public static final int METHOD_NOT_FOUND = -32601;

  /** JSON-RPC "invalid params". */
  public static final int INVALID_PARAMS = -32602;

  private final int code;

  public EngineCallException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code to answer with. */
  public int code() {
    return code;
  }
}
