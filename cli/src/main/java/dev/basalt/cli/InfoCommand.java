package dev.basalt.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code basalt info}: what this build is and what it runs on, for bug reports. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print the version, build commit and time, JDK, OS and library versions.",
    footer = {"", "Example:", "  basalt info      paste the output into bug reports"})
final class InfoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    row(out, "version", Version.current());
    row(out, "commit", Version.property("commit"));
    row(out, "built", Version.property("built"));
    row(out, "java", Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
    row(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        + ", " + Runtime.getRuntime().availableProcessors() + " cpus, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    row(out, "disruptor", Version.property("disruptor"));
    row(out, "chronicle-queue", Version.property("chronicle-queue"));
    row(out, "picocli", Version.property("picocli"));
    row(out, "logback", Version.property("logback"));
    return 0;
  }

  private static void row(PrintWriter out, String key, String value) {
    out.printf("%-16s %s%n", key, value);
  }
}
