package dev.basalt.journal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;

/** Encode, decode, compare, re-encode, compare bytes. */
final class CodecRoundTrip {
  private CodecRoundTrip() {}

  static byte[] encode(InputEvent event) {
    BinaryWriter w = new BinaryWriter();
    EventCodec.encode(w, event);
    return w.toByteArray();
  }

  static byte[] encode(Command command) {
    BinaryWriter w = new BinaryWriter();
    CommandCodec.write(w, command);
    return w.toByteArray();
  }

  static void assertRoundTrips(InputEvent event, long seed) {
    byte[] bytes = encode(event);
    InputEvent decoded = EventCodec.decode(EventCodec.tag(event), EventCodec.version(event), new BinaryReader(bytes));
    assertEquals(event, decoded, () -> "seed " + seed);
    assertArrayEquals(bytes, encode(decoded), () -> "re-encoding differs, seed " + seed);
  }

  static void assertRoundTrips(Command command, long seed) {
    byte[] bytes = encode(command);
    BinaryReader r = new BinaryReader(bytes);
    Command decoded = CommandCodec.read(r);
    r.expectEnd("command");
    assertEquals(command, decoded, () -> "seed " + seed);
    assertArrayEquals(bytes, encode(decoded), () -> "re-encoding differs, seed " + seed);
  }
}
