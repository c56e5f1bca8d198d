/**
 * The node's JSON-RPC server (op-node's {@code optimism_*} and {@code admin_*} methods, kona's head
 * subscriptions, {@code GET /healthz}) over HTTP and WebSocket on one port, on Vert.x.
 *
 * <p>Invariants: queries read published state only (the status board, the rollup config, the
 * safe-head database, the engine through a reader of its own) and never block or enter the core;
 * state-changing {@code admin_*} requests become {@code AdminRequestReceived} events, journaled
 * like every other input, and are answered when the core emits {@code RespondRpc}. Everything runs
 * on the server's single event loop except what waits (disk, engine, core), whose answers hop back
 * onto it. JSON-RPC 2.0 framing, batches and error codes follow go-ethereum's server, which op-node
 * uses; bad input always gets an answer (or a closed connection for an oversized body), never a
 * crash or a stuck connection.
 */
package dev.basalt.adapters.rpc;
