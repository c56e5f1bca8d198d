package dev.basalt.adapters.p2p.enr;

/** Malformed or badly signed record, RLP or node URL. Expected for untrusted input: callers drop it. */
public final class EnrException extends Exception {
  public EnrException(String message) {
    super(message);
  }
}
