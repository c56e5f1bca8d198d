/**
 * A fake op-conductor cluster for high-availability tests: one shared commit log (the Raft log's
 * stand-in) and leadership, served to each sequencer on its own loopback JSON-RPC endpoint, as
 * every op-node talks to its own op-conductor. Implements what op-node calls ({@code
 * conductor_leader}, {@code conductor_commitUnsafePayload}, {@code conductor_active}) plus the
 * test's view: who leads (set by the test, playing Raft's election), the commit log, and injectable
 * failures (commit errors, commits that never answer).
 *
 * <p>Invariants: only the leader's commits enter the log (a non-leader's are refused as op-conductor
 * refuses them); the log is append-only; every method holds the cluster's lock.
 */
package dev.basalt.testdata.conductor;
