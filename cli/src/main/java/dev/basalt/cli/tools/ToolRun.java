package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.config.ConfigException;
import dev.basalt.adapters.json.JsonFormatException;
import dev.basalt.core.codec.DecodeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a tool's body and turns its outcome into output and an exit code: JSON on standard output
 * and the body's code, or one line on standard error and {@link ToolExit#BAD_INPUT} for input the
 * body cannot read. Only a failure nobody foresaw (a bug) prints a stack trace. Each command calls
 * this itself, so the mapping holds wherever the command is mounted.
 */
final class ToolRun {
  private ToolRun() {}

  /** What a command computes: the JSON to print and the exit code to return. */
  record Result(JsonNode json, int exitCode) {
    static Result ok(JsonNode json) {
      return new Result(json, ToolExit.OK);
    }
  }

  /** A command's work once its arguments are parsed. */
  @FunctionalInterface
  interface Body {
    Result run() throws IOException;
  }

  static int guard(CommandSpec spec, Body body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Result result = body.run();
      PrintWriter out = spec.commandLine().getOut();
      out.println(ToolJson.pretty(result.json()));
      out.flush();
      return result.exitCode();
    } catch (BadInputException | JsonFormatException | ConfigException e) {
      return badInput(err, e.getMessage());
    } catch (DecodeException e) {
      // Commands add context to the decode failures they expect; this catches the rest.
      return badInput(err, "cannot decode: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return badInput(err, "I/O: " + e.getMessage());
    } catch (RuntimeException e) {
      err.println("error: unexpected failure (a bug in basalt's tools or decoders):");
      e.printStackTrace(err);
      return ToolExit.INTERNAL;
    } finally {
      err.flush();
    }
  }

  private static int badInput(PrintWriter err, String message) {
    err.println("error: " + oneLine(message));
    return ToolExit.BAD_INPUT;
  }

  /** Messages from decoders may quote input; keep the diagnosis on one line whatever they hold. */
  static String oneLine(String message) {
    return message == null ? "(no detail)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
