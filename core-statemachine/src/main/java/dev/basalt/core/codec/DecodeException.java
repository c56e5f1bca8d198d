package dev.basalt.core.codec;

/** Input bytes that do not decode: truncated, out of range, or of an unknown kind. */
public class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }
}
