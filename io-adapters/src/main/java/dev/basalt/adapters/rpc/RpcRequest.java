package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request object of a message.
 *
 * @param id the request's id (a string, number or JSON null node); null for a notification
 * @param method the method name
 * @param params the raw {@code params} member, possibly null
 */
record RpcRequest(JsonNode id, String method, JsonNode params) {
  boolean isNotification() {
    return id == null;
  }
}
