package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes the elements of a JSON-RPC {@code params} array (the array brackets are the caller's).
 * Runs on the client's worker thread, so large payloads are serialized off the dispatcher thread.
 */
@FunctionalInterface
public interface ParamsWriter {
  ParamsWriter NONE = gen -> {};

  void write(JsonGenerator gen) throws IOException;
}
