package dev.basalt.adapters.sequencer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.adapters.node.AdminStatePort;
import dev.basalt.core.command.PersistSequencerState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * op-node's {@code --rpc.admin-state} file: {@code {"sequencerStarted":true|false}}, written on
 * every start and stop (to a temporary file, synced, then renamed into place) and read at startup,
 * where it overrides {@code --sequencer.stopped}. A missing file means no state; a file with other
 * members or without {@code sequencerStarted} is refused, as op-node refuses it.
 */
public final class AdminStateFile implements AdminStatePort {
  private static final Logger LOG = LoggerFactory.getLogger(AdminStateFile.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Path file;

  public AdminStateFile(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * The persisted state: empty when the file does not exist.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not such a state
   */
  public Optional<Boolean> read() {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException("read config file (" + file + "): " + e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid config file (" + file + "): " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("invalid config file (" + file + "): not a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("sequencerStarted")) {
        throw new IllegalArgumentException("invalid config file (" + file + "): unknown field \"" + name + "\"");
      }
    }
    JsonNode started = root.get("sequencerStarted");
    if (started == null || started.isNull()) {
      throw new IllegalArgumentException("missing sequencerStarted value in config file (" + file + ")");
    }
    if (!started.isBoolean()) {
      throw new IllegalArgumentException("invalid config file (" + file + "): sequencerStarted is not a boolean");
    }
    return Optional.of(started.booleanValue());
  }

  /** Writes the state durably; throws {@link IOException} when it could not. */
  public void write(boolean sequencerStarted) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] data = ("{\"sequencerStarted\":" + sequencerStarted + "}").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The core started or stopped the sequencer. op-node fails the admin call when the write fails;
   * here the change has already happened in the journal, so the failure is logged as an error (the
   * next start would then apply an outdated state).
   */
  @Override
  public void persist(PersistSequencerState command) {
    try {
      write(command.started());
    } catch (IOException | RuntimeException e) {
      LOG.error("could not persist the sequencer state (started={}) to {} (--rpc.admin-state): {}", command.started(), file,
          e.toString());
    }
  }
}
