/**
 * The latest sync status the core published, readable from any thread (RPC, metrics, logs)
 * without going through the core.
 *
 * <p>Invariants: updated only by the dispatcher from {@code PublishSyncStatus} commands, so
 * readers see statuses in the order the core produced them.
 */
package dev.basalt.adapters.status;
