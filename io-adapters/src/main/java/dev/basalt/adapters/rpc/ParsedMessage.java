package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A request body, checked: one entry, a batch of entries, or a body that is not JSON at all. */
sealed interface ParsedMessage {
  /** A single request object (valid or not). */
  record Single(Entry entry) implements ParsedMessage {}

  /** A JSON array of request objects. */
  record Batch(List<Entry> entries) implements ParsedMessage {}

  /** Not JSON, or nested deeper than allowed: answered with one parse error. */
  record Unparseable(RpcError error) implements ParsedMessage {}

  /** One element: a request to run, or an invalid one answered with an error. */
  sealed interface Entry {}

  record Call(RpcRequest request) implements Entry {}

  /** @param id the id to echo (JSON null node when it could not be read) */
  record Invalid(JsonNode id, RpcError error) implements Entry {}
}
