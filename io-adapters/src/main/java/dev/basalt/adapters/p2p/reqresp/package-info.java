/**
 * The {@code payload_by_number} request/response server (op-node {@code p2p/sync.go}
 * {@code ReqRespServer}): a peer opens {@code /opstack/req/payload_by_number/<chainId>/0} (or kona's
 * spelling with a trailing slash), writes a little-endian u64 block number and half-closes; we answer
 * one result byte and, on success, a little-endian u32 version and the block's SSZ as a framed snappy
 * stream, then close.
 *
 * <p>Invariants: a request holds at most 8 buffered bytes; the global and per-peer token buckets
 * (20/s burst 40, 4/s burst 15, 1,000 peers remembered) throttle before the request is read, and a
 * request that would wait more than 20 s is answered "unknown error" at once; reading the request and
 * writing the answer each have a 10 s deadline, after which the stream is reset; the server never
 * blocks a network thread (payloads come from a {@link dev.basalt.adapters.p2p.reqresp.PayloadSource}
 * future, delays and deadlines run on one scheduler thread).
 */
package dev.basalt.adapters.p2p.reqresp;
