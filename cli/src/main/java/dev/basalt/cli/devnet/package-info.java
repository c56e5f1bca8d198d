/**
 * The local devnet of {@code basalt node --dev}: the simulated world's services on loopback,
 * reached by the node through its real adapters, and the Engine API front-end of the world's
 * engine ({@link dev.basalt.cli.devnet.EngineHttpServer}), which lives here rather than beside the
 * L1 front-end in {@code testdata} because it speaks through the client's codec in
 * {@code io-adapters}. With Basalt as the devnet's sequencer, {@link dev.basalt.cli.devnet.FeedLog}
 * keeps the L2 chain the embedded batcher took from the engine, so a restart continues it.
 *
 * <p>Invariants: every server binds to 127.0.0.1 only; the world is read and changed only under
 * its lock and off the event loops; the Engine API refuses any request without a valid JWT for the
 * devnet's secret; faults armed on the world's plans show on the wire as the in-process answers
 * would show them to the core; a feed record is on disk before the L1 block carrying its batch is
 * mined.
 */
package dev.basalt.cli.devnet;
