package dev.basalt.adapters.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads the superchain registry's TOML: {@code superchain.toml} and the per-chain files. Tables
 * and defaults are described in {@link RegistryChainReader}; how the two files combine in {@link
 * Superchain}.
 */
final class RegistryTomlParser {
  private static final TomlMapper TOML = new TomlMapper();

  private RegistryTomlParser() {}

  static JsonNode parseTree(String text, String source) {
    try {
      return TOML.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(source + ": not valid TOML: " + e.getOriginalMessage(), e);
    }
  }

  static Superchain parseSuperchain(String text, String source, String dir) {
    return RegistryChainReader.readSuperchain(ConfigNode.root(parseTree(text, source), source), dir);
  }

  /** Parses the chain file {@code <superchain>/<shortName>.toml}. */
  static RegistryChain parseChain(String text, String source, Superchain superchain, String shortName) {
    ConfigNode root = ConfigNode.root(parseTree(text, source), source);
    return RegistryChainReader.readChain(root, RegistryFormat.TOML, superchain, displayName -> shortName);
  }
}
