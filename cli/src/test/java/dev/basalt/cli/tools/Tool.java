package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.cli.BasaltMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import picocli.CommandLine;

/** Runs {@code basalt} in-process with captured output, and reads the shared test vectors. */
final class Tool {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Tool() {}

  /** One run: exit code, standard output, standard error. */
  record Run(int exit, String out, String err) {
    JsonNode json() {
      assertEquals(0, exit, () -> "exit " + exit + ", stderr: " + err);
      assertEquals("", err, "nothing on stderr on success");
      try {
        return MAPPER.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Asserts a bad-input failure: exit 2, nothing on stdout, one line on stderr; returns that line. */
    String badInput() {
      assertEquals(ToolExit.BAD_INPUT, exit, () -> "expected exit 2, got " + exit + "; stdout: " + out + " stderr: " + err);
      assertEquals("", out, "no JSON on bad input");
      assertTrue(err.startsWith("error: "), err);
      assertEquals(1, err.strip().lines().count(), () -> "one line on stderr: " + err);
      assertFalse(err.contains("Exception"), err);
      return err.strip();
    }
  }

  static Run run(String... args) {
    CommandLine cl = BasaltMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static byte[] bytes(String vector) {
    try (InputStream in = Tool.class.getResourceAsStream("/vectors/" + vector)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + vector);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String vector) {
    try {
      return MAPPER.readTree(bytes(vector));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vector copied into {@code dir}, for commands that read files. */
  static Path file(Path dir, String vector) {
    return write(dir, vector.replace('/', '_'), bytes(vector));
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeText(Path dir, String name, String content) {
    return write(dir, name, content.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] unhex(String hex) {
    String h = hex.strip();
    return HexFormat.of().parseHex(h.startsWith("0x") ? h.substring(2) : h);
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
