package dev.basalt.adapters.p2p.tcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The js-libp2p side of the interop tests: a script of {@code src/test/js} ({@code interop.mjs}
 * unless told; the block-gossip tests run {@code gossip.mjs}) run with node, driven by JSON lines.
 * Installs the pinned harness with {@code npm ci} when node_modules is missing or predates a
 * pinned package; skips (JUnit assumption) with a clear message when node or npm is not installed.
 */
public final class JsPeer implements AutoCloseable {
  static final Path DIR = Path.of("src/test/js");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream stdin;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
  private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();

  private JsPeer(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread out = new Thread(this::readStdout, "js-peer-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(this::readStderr, "js-peer-stderr");
    err.setDaemon(true);
    err.start();
  }

  static JsPeer start() throws Exception {
    return start("interop.mjs");
  }

  /** Runs {@code script} of the harness once it prints its {@code ready} line. */
  public static JsPeer start(String script) throws Exception {
    String node = tool("node");
    String npm = tool("npm");
    Assumptions.assumeTrue(node != null, "node is not installed: the js-libp2p interop tests need node >= 20 and npm on the PATH");
    Assumptions.assumeTrue(npm != null, "npm is not installed: the js-libp2p interop tests need node >= 20 and npm on the PATH");
    boolean installed = Files.isDirectory(DIR.resolve("node_modules/libp2p"))
        && Files.isDirectory(DIR.resolve("node_modules/@libp2p/gossipsub"));
    if (!installed) {
      Process ci = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund").directory(DIR.toFile()).redirectErrorStream(true).start();
      String log = new String(ci.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ci.waitFor(300, TimeUnit.SECONDS) || ci.exitValue() != 0) {
        throw new IllegalStateException("npm ci in " + DIR + " failed (the npm registry must be reachable):\n" + log);
      }
    }
    Process p = new ProcessBuilder(node, script).directory(DIR.toFile()).start();
    JsPeer peer = new JsPeer(p);
    try {
      peer.ready.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      peer.close();
      throw new IllegalStateException("js peer did not start: " + peer.stderr(), e);
    }
    return peer;
  }

  private static String tool(String name) {
    try {
      Process p = new ProcessBuilder(name, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? name : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  JsonNode node(String name) throws Exception {
    return ready.get().path("nodes").path(name);
  }

  /** Sends a command and waits for its result (throws with the JS error on failure). */
  public JsonNode call(String cmd, String node, Map<String, Object> args) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("cmd", cmd).put("node", node);
    args.forEach((k, v) -> msg.set(k, JSON.valueToTree(v)));
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    synchronized (stdin) {
      stdin.write((JSON.writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
    JsonNode answer = f.get(30, TimeUnit.SECONDS);
    if (!answer.path("ok").asBoolean()) {
      throw new AssertionError("js " + cmd + " failed: " + answer.path("error").asText() + "\nstderr: " + stderr());
    }
    return answer.path("result");
  }

  private void readStdout() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        if ("ready".equals(n.path("event").asText())) {
          ready.complete(n);
        } else if (n.has("id")) {
          CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
          if (f != null) {
            f.complete(n);
          }
        }
      }
    } catch (IOException e) {
      // process ended
    }
    ready.completeExceptionally(new IllegalStateException("js peer exited"));
    pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("js peer exited: " + stderr())));
  }

  private void readStderr() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (stderrTail) {
          stderrTail.add(line);
          if (stderrTail.size() > 50) {
            stderrTail.poll();
          }
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }

  public String stderr() {
    synchronized (stderrTail) {
      return String.join("\n", stderrTail);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
