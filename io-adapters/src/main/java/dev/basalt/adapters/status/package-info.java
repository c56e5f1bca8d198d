/**
 * The latest sync status the core published, readable from any thread (RPC, metrics, logs)
 * without going through the core.
 *
 * <p>Invariants: updated only by the dispatcher from {@code PublishSyncStatus} commands, so
 * readers see statuses in the order the core produced them. Listeners run on the dispatcher
 * thread right after each publish and must only hand work elsewhere (the RPC server's head feed
 * schedules itself on its event loop; metrics update counters).
 */
package dev.basalt.adapters.status;
