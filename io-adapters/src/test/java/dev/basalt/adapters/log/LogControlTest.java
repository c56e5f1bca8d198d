package dev.basalt.adapters.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Run-time log levels, as admin_setLogLevel uses them. */
class LogControlTest {
  @Test
  void aLoggersLevelChangesAndTheOldOneIsReturned() {
    Logger log = LoggerFactory.getLogger("dev.basalt.adapters.log.probe.X");
    String before = LogControl.level("dev.basalt.adapters.log.probe");
    LogControl.setLevel("dev.basalt.adapters.log.probe", "error");
    assertFalse(log.isWarnEnabled());
    assertEquals("error", LogControl.setLevel("dev.basalt.adapters.log.probe", "TRACE"));
    assertTrue(log.isTraceEnabled());
    assertEquals("trace", LogControl.level("dev.basalt.adapters.log.probe.X"), "children inherit");
    LogControl.setLevel("dev.basalt.adapters.log.probe", before);
  }

  @Test
  void theRootByDefaultAndOpNodesNames() {
    String before = LogControl.level("");
    assertEquals(before, LogControl.setLevel("crit"));
    assertEquals("error", LogControl.level("ROOT"));
    LogControl.setLevel("warning");
    assertEquals("warn", LogControl.level(null));
    LogControl.setLevel(before);
  }

  @Test
  void unknownLevelsAreRefusedListingTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogControl.setLevel("loud"));
    assertEquals("unknown log level 'loud': use trace, debug, info, warn, error or off", e.getMessage());
  }
}
