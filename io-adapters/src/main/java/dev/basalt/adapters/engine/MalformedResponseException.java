package dev.basalt.adapters.engine;

/**
 * A response that is not the JSON it must be; becomes {@code RequestFailed(INVALID_RESPONSE)}. The
 * message starts with the path of the offending value ({@code executionPayload.gasUsed: ...}).
 */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }
}
