package dev.basalt.adapters.p2p.discv5;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Built-in bootnodes (the provenance of each list is in its resource file): op-node's
 * {@code DefaultBootnodes}, which op-node uses for every network, and kona's per-L1 lists. A chain
 * settling on Ethereum mainnet gets kona's mainnet list plus op-node's; one on Sepolia gets kona's
 * Sepolia list plus op-node's; any other chain gets op-node's list (what op-node does). Peers of
 * other chains are filtered by the ENR {@code opstack} entry afterwards.
 */
public final class DefaultBootnodes {
  public static final long L1_MAINNET = 1;
  public static final long L1_SEPOLIA = 11155111;

  private DefaultBootnodes() {}

  public static List<String> forL1(long l1ChainId) {
    List<String> out = new ArrayList<>();
    if (l1ChainId == L1_MAINNET) {
      out.addAll(load("bootnodes-mainnet.txt"));
    } else if (l1ChainId == L1_SEPOLIA) {
      out.addAll(load("bootnodes-sepolia.txt"));
    }
    TreeSet<String> seen = new TreeSet<>(out);
    for (String s : load("bootnodes-op-node.txt")) {
      if (seen.add(s)) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  static List<String> load(String resource) {
    try (InputStream in = DefaultBootnodes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bootnode list missing from the jar: " + resource);
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
