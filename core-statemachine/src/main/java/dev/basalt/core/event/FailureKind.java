package dev.basalt.core.event;

/** Why an adapter could not carry out a command; the core picks retry, reset or halt from it. */
public enum FailureKind {
  /** No answer within the adapter's deadline. */
  TIMEOUT,
  /** Connection refused, reset or otherwise broken. */
  TRANSPORT,
  /** The remote answered with a JSON-RPC or HTTP error. */
  REMOTE_ERROR,
  /** The remote does not have what was asked for (pruned blob, unknown block). */
  NOT_FOUND,
  /** The remote refused our credentials (JWT). */
  UNAUTHORIZED,
  /** The answer did not parse or failed verification. */
  INVALID_RESPONSE
}
