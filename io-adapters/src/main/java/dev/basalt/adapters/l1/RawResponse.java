package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/**
 * A JSON-RPC response whose {@code result} stays a Jackson tree: Web3j does the framing and
 * batching, our converters read every field (Web3j's typed block and transaction models drop
 * fields we hash, such as {@code requestsHash} and set-code authorizations).
 */
public final class RawResponse extends Response<JsonNode> {}
