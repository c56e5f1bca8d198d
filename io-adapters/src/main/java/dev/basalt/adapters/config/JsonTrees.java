package dev.basalt.adapters.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Parses JSON config files into trees, rejecting duplicate keys (a duplicate hides one value). */
final class JsonTrees {
  private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonTrees() {}

  static JsonNode parse(String text, String source) {
    try {
      JsonNode tree = JSON.readTree(text);
      if (tree == null || tree.isMissingNode()) {
        throw new ConfigException(source + ": empty document");
      }
      return tree;
    } catch (JacksonException e) {
      throw new ConfigException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
