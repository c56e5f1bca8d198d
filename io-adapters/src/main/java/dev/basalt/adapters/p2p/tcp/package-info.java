/**
 * The Netty TCP host: accepts and dials TCP connections on a small NIO event-loop group and
 * upgrades each one (multistream-select → Noise XX → multistream-select → yamux or mplex), then
 * serves identify and ping and the protocol handlers registered on the {@link
 * dev.basalt.adapters.p2p.host.Host}.
 *
 * <p>Invariants: one connection's state is only touched on its own event-loop thread; every
 * upgrade step has a deadline; a limit breach closes the channel and is reported.
 */
package dev.basalt.adapters.p2p.tcp;
