package dev.basalt.adapters.config;

import java.util.List;

/** A {@code --chain} selector that names no chain, or several; the message lists the candidates. */
public final class UnknownChainException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final List<String> suggestions;

  public UnknownChainException(String message, List<String> suggestions) {
    super(message);
    this.suggestions = List.copyOf(suggestions);
  }

  /** Names that would have worked (close matches, or the choices for an ambiguous name). */
  public List<String> suggestions() {
    return suggestions;
  }
}
