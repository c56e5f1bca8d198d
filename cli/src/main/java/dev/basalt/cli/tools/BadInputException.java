package dev.basalt.cli.tools;

/**
 * Input the command cannot read. The message is the whole diagnosis in one line, naming what is
 * wrong and where ("frame 2: ..."); {@link ToolRun} prints it and exits with {@link
 * ToolExit#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
