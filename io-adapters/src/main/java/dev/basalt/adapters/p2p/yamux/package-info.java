/**
 * yamux ({@code /yamux/1.0.0}, hashicorp's spec as go-yamux and js-yamux speak it): 12-byte
 * headers, per-stream flow control with a 256 KiB initial window, ping answers and go-away.
 *
 * <p>Invariants: a peer can never make us buffer more than its window per stream (data beyond the
 * window we granted is a protocol error: go-away and close); streams beyond the limit are reset at
 * once; credit is returned only after the handler consumed the data.
 */
package dev.basalt.adapters.p2p.yamux;
