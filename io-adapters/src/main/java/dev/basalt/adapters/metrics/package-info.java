/**
 * Prometheus metrics and their {@code /metrics} endpoint.
 *
 * <p>Invariants: metrics only observe: they come from the adapter side (status board, call
 * listeners, safe-head store, journal, ring, RPC server) and never reach into the core, change
 * what an adapter does, or block the threads they are called on (listeners are counters and
 * histogram updates). Every exported family is named in {@link dev.basalt.adapters.metrics.MetricNames}.
 */
package dev.basalt.adapters.metrics;
