/**
 * The op-conductor client (sequencer high availability): {@code conductor_commitUnsafePayload}
 * before a sealed block is published or inserted, {@code conductor_leader} before the sequencer
 * starts, over JSON-RPC on HTTP without authentication, as op-node's {@code ConductorClient}.
 *
 * <p>Invariants: each request is answered exactly once, with {@code ConductorPayloadCommitted},
 * {@code ConductorLeaderChecked} or {@code RequestFailed}; a request makes at most two attempts 50
 * ms apart, all within {@code --conductor.rpc-timeout} from the moment it was taken (op-node's
 * {@code retry.Do(ctx, 2, retry.Fixed(50ms))} under a context with that timeout).
 */
package dev.basalt.adapters.conductor;
