package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandDiffTest {
  private static final Hash32 H = Hash32.fromHex("0x" + "ab".repeat(32));

  private static SyncStatus withHeadNumber(long n) {
    SyncStatus e = SyncStatus.EMPTY;
    return new SyncStatus(
        e.currentL1(), new L1BlockRef(H, n, Hash32.ZERO, 7), e.safeL1(), e.finalizedL1(), e.unsafeL2(),
        e.pendingSafeL2(), e.localSafeL2(), e.safeL2(), e.finalizedL2());
  }

  @Test
  void pointsAtTheInnermostDifferingComponent() {
    List<Command> expected = List.of(new FetchEngineHeads(1), new PublishSyncStatus(withHeadNumber(17)));
    List<Command> actual = List.of(new FetchEngineHeads(1), new PublishSyncStatus(withHeadNumber(18)));

    assertEquals(
        "command #1 PublishSyncStatus.status.headL1.number: expected 17, actual 18",
        CommandDiff.firstDifference(expected, actual));
  }

  @Test
  void namesADifferentCommandType() {
    String d = CommandDiff.firstDifference(List.of(new FetchEngineHeads(3)), List.of(new FetchL1Block(3, 9)));
    assertEquals("command #0 FetchEngineHeads: expected FetchEngineHeads[correlationId=3], actual "
        + new FetchL1Block(3, 9), d);
  }

  @Test
  void reportsMissingAndExtraCommands() {
    List<Command> one = List.of(new FetchEngineHeads(1));
    List<Command> two = List.of(new FetchEngineHeads(1), new FetchEngineHeads(2));

    assertEquals(
        "command #1 missing: expected FetchEngineHeads[correlationId=2] (2 expected, 1 emitted)",
        CommandDiff.firstDifference(two, one));
    assertEquals(
        "command #1 not expected: emitted FetchEngineHeads[correlationId=2] (1 expected, 2 emitted)",
        CommandDiff.firstDifference(one, two));
    assertEquals("no difference", CommandDiff.firstDifference(two, two));
  }
}
