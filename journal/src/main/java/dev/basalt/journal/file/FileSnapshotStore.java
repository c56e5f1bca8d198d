package dev.basalt.journal.file;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots as files in one directory, one per snapshot, named by seq ({@code
 * snapshot-00000000000000001234.snap}), written with {@link AtomicFiles} so a crash leaves either
 * no file or a complete one. A file that fails its checks is skipped with a warning: it only
 * makes the next replay longer.
 */
public final class FileSnapshotStore implements SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(FileSnapshotStore.class);
  private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");

  private final Path dir;

  /** Opens (creating if needed) the store in {@code dir}. */
  public FileSnapshotStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create snapshot directory " + dir, e);
    }
  }

  /** The file a snapshot of {@code seq} is stored in. */
  public Path fileFor(long seq) {
    return dir.resolve(String.format("snapshot-%020d.snap", seq));
  }

  @Override
  public synchronized void save(Snapshot snapshot) {
    if (snapshot.seq() < 0) {
      throw new IllegalArgumentException("snapshot seq must be non-negative, got " + snapshot.seq());
    }
    BinaryWriter w = new BinaryWriter(snapshot.coreState().length() + 64);
    SnapshotFormat.encode(w, snapshot);
    AtomicFiles.write(fileFor(snapshot.seq()), w.buffer(), w.size());
  }

  @Override
  public synchronized Optional<Snapshot> latest() {
    return latestAtOrBefore(Long.MAX_VALUE);
  }

  @Override
  public synchronized Optional<Snapshot> latestAtOrBefore(long maxSeq) {
    for (long seq : seqsDescending()) {
      if (seq <= maxSeq) {
        Optional<Snapshot> snapshot = read(seq);
        if (snapshot.isPresent()) {
          return snapshot;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized List<Long> list() {
    return new ArrayList<>(seqs());
  }

  /**
   * Keeps the newest {@code keep} valid snapshots and deletes every snapshot file older than the
   * oldest one kept (valid or not), plus leftover temporary files.
   */
  @Override
  public synchronized void prune(int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must be >= 0, got " + keep);
    }
    int kept = 0;
    for (long seq : seqsDescending()) {
      if (kept < keep && read(seq).isPresent()) {
        kept++;
      } else if (kept >= keep) {
        delete(fileFor(seq));
      }
    }
    deleteTempFiles();
  }

  /** The snapshot stored for exactly {@code seq}, if its file is present and valid. */
  public synchronized Optional<Snapshot> read(long seq) {
    Path file = fileFor(seq);
    try {
      Snapshot snapshot = SnapshotFormat.decode(Files.readAllBytes(file));
      if (snapshot.seq() != seq) {
        throw new DecodeException("file name says seq " + seq + ", content says " + snapshot.seq());
      }
      return Optional.of(snapshot);
    } catch (DecodeException e) {
      log.warn("Skipping corrupt snapshot {}: {}", file, e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      log.warn("Skipping unreadable snapshot {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  private List<Long> seqsDescending() {
    return new ArrayList<>(seqs().descendingSet());
  }

  private TreeSet<Long> seqs() {
    TreeSet<Long> seqs = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          seqs.add(Long.parseLong(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshots in " + dir, e);
    }
    return seqs;
  }

  private void deleteTempFiles() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + AtomicFiles.TEMP_SUFFIX)) {
      for (Path file : files) {
        delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshots in " + dir, e);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
