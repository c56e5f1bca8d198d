package dev.basalt.adapters.http;

import java.io.IOException;

/**
 * A non-2xx HTTP answer, raised as an {@link IOException} by {@link StatusInterceptor} so that
 * libraries which only see the body (Web3j) hand the status up to us instead of a parsed guess.
 */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String bodySnippet;

  public HttpStatusException(int status, String bodySnippet) {
    super("HTTP " + status);
    this.status = status;
    this.bodySnippet = bodySnippet;
  }

  public int status() {
    return status;
  }

  public String bodySnippet() {
    return bodySnippet;
  }
}
