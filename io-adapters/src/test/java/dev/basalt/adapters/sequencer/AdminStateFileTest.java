package dev.basalt.adapters.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.PersistSequencerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** op-node's admin-state file format and its refusals. */
class AdminStateFileTest {
  @Test
  void writesAndReadsOpNodesFormat(@TempDir Path dir) throws Exception {
    AdminStateFile f = new AdminStateFile(dir.resolve("sub/admin-state.json"));
    assertEquals(Optional.empty(), f.read(), "no file: no state");
    f.persist(new PersistSequencerState(true));
    assertEquals("{\"sequencerStarted\":true}", Files.readString(f.file()));
    assertEquals(Optional.of(true), f.read());
    f.persist(new PersistSequencerState(false));
    assertEquals(Optional.of(false), f.read());
    assertTrue(Files.notExists(dir.resolve("sub/admin-state.json.tmp")));
  }

  @Test
  void refusesWhatOpNodeRefuses(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("state.json");
    Files.writeString(p, "{}");
    assertEquals("missing sequencerStarted value in config file (" + p + ")",
        assertThrows(IllegalArgumentException.class, () -> new AdminStateFile(p).read()).getMessage());
    Files.writeString(p, "{\"sequencerStarted\":true,\"other\":1}");
    assertThrows(IllegalArgumentException.class, () -> new AdminStateFile(p).read());
    Files.writeString(p, "not json");
    assertThrows(IllegalArgumentException.class, () -> new AdminStateFile(p).read());
  }
}
