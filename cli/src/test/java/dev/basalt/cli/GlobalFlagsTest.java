package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** kona's global flags before {@code node} are moved after it; anything else is left alone. */
class GlobalFlagsTest {
  private static final CommandLine CL = BasaltMain.commandLine(Map.of());

  private static void moved(String[] in, String[] expected) {
    assertArrayEquals(expected, GlobalFlags.afterNode(CL, in), String.join(" ", in));
  }

  @Test
  void konasInvocationShape() {
    moved(new String[] {"-vvv", "--chain", "8453", "node", "--l1", "http://x:1"},
        new String[] {"node", "-vvv", "--chain", "8453", "--l1", "http://x:1"});
    moved(new String[] {"-c=node", "node", "--dev"}, new String[] {"node", "-c=node", "--dev"});
    moved(new String[] {"--chain", "node", "node", "--dev"}, new String[] {"node", "--chain", "node", "--dev"});
    moved(new String[] {"-q", "node"}, new String[] {"node", "-q"});
  }

  @Test
  void everythingElseIsUntouched() {
    for (String[] same : new String[][] {{"node", "-v"}, {"--help"}, {"-h", "node"}, {"--version", "node"}, {"replay", "verify", "d"},
        {"--no-such-flag", "node"}, {"-v"}, {}}) {
      moved(same, same);
    }
  }
}
