package dev.basalt.adapters.p2p.host;

/**
 * Serves one protocol ID: called for every inbound stream negotiated to it, returns the handler
 * for that stream's data (per-stream state lives there).
 */
@FunctionalInterface
public interface ProtocolHandler {
  StreamHandler accept(Stream stream);
}
