/**
 * multistream-select 1.0 ({@code /multistream/1.0.0}): both the dialer's and the listener's side,
 * as byte-in/byte-out state machines that the connection upgrader and the muxed streams drive.
 *
 * <p>Invariants: a line is at most {@link dev.basalt.adapters.p2p.multistream.MultistreamLines#MAX_LINE}
 * bytes and must end in a newline; a listener answers {@code na} to at most a bounded number of
 * proposals; bytes after the selected protocol are handed back untouched (pipelined data).
 */
package dev.basalt.adapters.p2p.multistream;
