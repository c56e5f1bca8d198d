package dev.basalt.adapters.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns every non-2xx response into an {@link HttpStatusException} carrying the status and the
 * start of the body, so callers classify by status code rather than by parsing error text.
 */
final class StatusInterceptor implements Interceptor {
  private static final long MAX_BODY_BYTES = 1024;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful()) {
      return response;
    }
    String body;
    try (ResponseBody b = response.body()) {
      body = b == null ? "" : response.peekBody(MAX_BODY_BYTES).string();
    }
    throw new HttpStatusException(response.code(), body);
  }
}
