package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolsHelpTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("decode", "batcher-tx"), List.of("decode", "frames"), List.of("decode", "channel"),
      List.of("decode", "blob"), List.of("decode", "l1-info"), List.of("decode", "tx"),
      List.of("block-hash"), List.of("output-root"), List.of("decode"));

  @Test
  void everyToolHasHelpWithAnExample() {
    for (List<String> command : COMMANDS) {
      String[] args = new String[command.size() + 1];
      command.toArray(args);
      args[command.size()] = "--help";
      Tool.Run run = Tool.run(args);
      assertEquals(0, run.exit(), command.toString());
      assertTrue(run.out().contains("Usage: basalt " + String.join(" ", command)), run.out());
      assertTrue(run.out().contains("Example"), command + " has an example");
      assertTrue(run.out().contains("Exit codes"), command + " documents its exit codes");
    }
  }

  @Test
  void theToolsAreMountedInBasalt() {
    String help = Tool.run("--help").out();
    for (String name : List.of("decode", "block-hash", "output-root")) {
      assertTrue(help.contains("  " + name + " "), name + " in: " + help);
    }
  }

  @Test
  void decodeWithoutASubcommandIsAUsageError() {
    Tool.Run run = Tool.run("decode");
    assertEquals(ToolExit.BAD_INPUT, run.exit());
    assertTrue(run.err().startsWith("Missing subcommand"), run.err());
  }
}
