package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.EnrException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Known records kept across restarts (kona's bootstore, op-node's discovery DB): a text file of
 * {@code enr:} lines, at most {@code maxEntries}, replaced atomically. Unreadable lines are skipped.
 */
final class PeerStore {
  private static final Logger LOG = LoggerFactory.getLogger(PeerStore.class);
  private final Path path;
  private final int maxEntries;

  PeerStore(Path path, int maxEntries) {
    this.path = path;
    this.maxEntries = maxEntries;
  }

  List<Enr> load() {
    List<Enr> out = new ArrayList<>();
    if (!Files.isRegularFile(path)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || out.size() >= maxEntries) {
          continue;
        }
        try {
          out.add(Enr.fromText(t));
        } catch (EnrException e) {
          LOG.debug("peer store {}: skipped a bad record: {}", path, e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.warn("peer store {} unreadable, starting without it: {}", path, e.getMessage());
    }
    return out;
  }

  void save(List<Enr> records) {
    StringBuilder sb = new StringBuilder("# Basalt discv5 peer store: known node records, one per line\n");
    int n = 0;
    for (Enr r : records) {
      if (n++ >= maxEntries) {
        break;
      }
      sb.append(r.toText()).append('\n');
    }
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("peer store {} not saved: {}", path, e.getMessage());
    }
  }
}
