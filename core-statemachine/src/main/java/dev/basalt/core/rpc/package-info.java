/**
 * RPC requests that change node state, and the outcomes the core returns for them.
 *
 * <p>Invariants: only state-changing requests reach the core; each gets exactly one
 * {@code RespondRpc} with the request's id, possibly several events later.
 */
package dev.basalt.core.rpc;
