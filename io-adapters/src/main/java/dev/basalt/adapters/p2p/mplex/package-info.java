/**
 * mplex ({@code /mplex/6.7.0}): uvarint {@code (streamId << 3 | flag)} and uvarint length headers,
 * stream IDs namespaced by which side opened the stream, no flow control.
 *
 * <p>Invariants: a frame body longer than {@link
 * dev.basalt.adapters.p2p.host.P2pLimits#maxMplexFrameBytes()} closes the connection before it is
 * buffered; streams beyond the limit are reset at once; since mplex has no flow control, data is
 * handed to the stream handler as it arrives and never queued here; instead the connection stops
 * reading the socket while it holds more than 8 MiB of unsent data for the peer (as go-mplex does),
 * which can stall two peers that both flood each other: yamux is preferred for that reason.
 */
package dev.basalt.adapters.p2p.mplex;
