package dev.basalt.journal.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecRejectionTest {
  @Test
  void unknownEventTagIsRejected() {
    DecodeException e =
        assertThrows(DecodeException.class, () -> EventCodec.decode(999, 1, new BinaryReader(new byte[8])));
    assertTrue(e.getMessage().contains("unknown input event type tag 999"), e.getMessage());
  }

  @Test
  void unsupportedEventVersionsAreRejected() {
    byte[] payload = CodecRoundTrip.encode(new ClockTicked(5));
    for (int version : new int[] {0, 2, 255}) {
      DecodeException e =
          assertThrows(
              DecodeException.class,
              () -> EventCodec.decode(EventCodec.CLOCK_TICKED, version, new BinaryReader(payload)));
      assertTrue(e.getMessage().contains("unsupported version " + version + " of input event ClockTicked"), e.getMessage());
    }
  }

  @Test
  void trailingBytesAfterAnEventAreRejected() {
    byte[] payload = CodecRoundTrip.encode(new ClockTicked(5));
    byte[] longer = Arrays.copyOf(payload, payload.length + 1);
    assertThrows(
        DecodeException.class, () -> EventCodec.decode(EventCodec.CLOCK_TICKED, 1, new BinaryReader(longer)));
  }

  @Test
  void unknownAndUnsupportedCommandsAreRejected() {
    BinaryWriter w = new BinaryWriter();
    w.u8(0).u8(77).u8(1);
    DecodeException unknown = assertThrows(DecodeException.class, () -> CommandCodec.read(new BinaryReader(w.toByteArray())));
    assertTrue(unknown.getMessage().contains("unknown command type tag 77"), unknown.getMessage());

    byte[] ok = CodecRoundTrip.encode(new FetchEngineHeads(3));
    ok[2] = 9;
    DecodeException version = assertThrows(DecodeException.class, () -> CommandCodec.read(new BinaryReader(ok)));
    assertTrue(version.getMessage().contains("unsupported version 9 of command FetchEngineHeads"), version.getMessage());
  }

  @Test
  void nestedVariantTagsAndVersionsAreChecked() {
    var event =
        new EngineResponseReceived(
            1, new EngineResponse.NewPayloadResult(new PayloadStatus(ExecutionStatus.VALID, Optional.of(Hash32.ZERO), Optional.empty())));
    byte[] payload = CodecRoundTrip.encode(event);
    // Layout: correlation id (8), then the variant tag and version.
    byte[] badTag = payload.clone();
    badTag[8] = 42;
    DecodeException tag =
        assertThrows(DecodeException.class, () -> EventCodec.decode(EventCodec.ENGINE_RESPONSE_RECEIVED, 1, new BinaryReader(badTag)));
    assertTrue(tag.getMessage().contains("unknown engine response tag 42"), tag.getMessage());
    byte[] badVersion = payload.clone();
    badVersion[9] = 2;
    DecodeException version =
        assertThrows(DecodeException.class, () -> EventCodec.decode(EventCodec.ENGINE_RESPONSE_RECEIVED, 1, new BinaryReader(badVersion)));
    assertTrue(version.getMessage().contains("unsupported version 2 of engine response NewPayloadResult"), version.getMessage());
    byte[] badStatus = payload.clone();
    badStatus[10] = 0;
    assertThrows(DecodeException.class, () -> EventCodec.decode(EventCodec.ENGINE_RESPONSE_RECEIVED, 1, new BinaryReader(badStatus)));
  }

  @Test
  void invalidFieldValuesBecomeDecodeExceptions() {
    byte[] payload = CodecRoundTrip.encode(new L1HeadObserved(new L1BlockRef(Hash32.ZERO, 1, Hash32.ZERO, 2)));
    // The block number follows the 32-byte hash; a negative one is rejected by the reader.
    payload[32] = (byte) 0x80;
    assertThrows(DecodeException.class, () -> EventCodec.decode(EventCodec.L1_HEAD_OBSERVED, 1, new BinaryReader(payload)));
  }
}
