package dev.basalt.adapters.json;

/**
 * A JSON document that is not the Ethereum JSON-RPC object it should be. The message starts with
 * the path of the offending value ({@code transactions[3].maxFeePerGas: ...}) and fits on one line.
 */
public final class JsonFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonFormatException(String message) {
    super(message);
  }
}
