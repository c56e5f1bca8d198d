/**
 * The HTTP plumbing the L1 execution and beacon adapters share: one OkHttp client per endpoint
 * family pinned to HTTP/1.1 with {@code TCP_NODELAY}, typed failures ({@link
 * dev.basalt.adapters.http.CallFailure}) that say which {@link dev.basalt.core.event.FailureKind}
 * the core should see, and a bounded retry loop ({@link dev.basalt.adapters.http.Retrying}).
 *
 * <p>Invariants: a call never retries forever (at most {@link
 * dev.basalt.adapters.http.RetryPolicy#maxAttempts()} attempts, each bounded by the client's call
 * timeout, with capped exponential backoff between them); only transport failures, timeouts and
 * HTTP 429/5xx are retried; every failure leaves here as a {@link
 * dev.basalt.adapters.http.CallFailure}, never as a raw exception.
 */
package dev.basalt.adapters.http;
