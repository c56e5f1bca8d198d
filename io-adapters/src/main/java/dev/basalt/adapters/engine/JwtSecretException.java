package dev.basalt.adapters.engine;

/**
 * A JWT secret that cannot be used: a file that cannot be read or written, or contents that are
 * not 32 bytes of hex. The message names the file (if any) and what is wrong, for the operator.
 */
public final class JwtSecretException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JwtSecretException(String message) {
    super(message);
  }

  public JwtSecretException(String message, Throwable cause) {
    super(message, cause);
  }
}
