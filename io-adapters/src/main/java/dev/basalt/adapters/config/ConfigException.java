package dev.basalt.adapters.config;

/** A chain config (file, embedded resource or selector) that cannot be used; the message says why and where. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
