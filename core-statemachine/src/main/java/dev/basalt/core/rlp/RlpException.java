package dev.basalt.core.rlp;

import dev.basalt.core.codec.DecodeException;

/** Bytes that are not canonical RLP of the expected shape. */
public final class RlpException extends DecodeException {
  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }
}
