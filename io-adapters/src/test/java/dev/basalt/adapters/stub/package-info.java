/**
 * Loopback stand-ins for the servers the L1 and beacon adapters talk to (Vert.x HTTP on
 * 127.0.0.1, ephemeral ports), with fault injection, plus a recording event sink. Only what the
 * adapter tests need; the full fake L1/beacon/engine world lives in {@code testdata}.
 *
 * <p>Invariants: servers bind loopback only and stop on {@code close()}; every fault is opt-in
 * per test.
 */
package dev.basalt.adapters.stub;
