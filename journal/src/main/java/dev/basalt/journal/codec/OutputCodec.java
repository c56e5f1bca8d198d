package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.command.Command;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.OutputRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Payload of an output record: the optional state hash, then the commands. The input sequence
 * number is not part of the payload; it is the record frame's sequence number.
 */
public final class OutputCodec {
  /** Output records have a single type; its tag in the frame. */
  public static final int TAG = 1;

  public static final int CURRENT_VERSION = 1;

  private OutputCodec() {}

  public static void encode(BinaryWriter w, OutputRecord record) {
    CodecSupport.writeOptionalHash(w, record.stateHash());
    List<Command> commands = record.commands();
    w.i32(commands.size());
    for (Command command : commands) {
      CommandCodec.write(w, command);
    }
  }

  /**
   * Reads an output record payload for input {@code inputSeq} and requires that nothing follows it.
   *
   * @throws DecodeException for an unknown tag or version or malformed fields
   */
  public static OutputRecord decode(int tag, int version, long inputSeq, BinaryReader r) {
    if (tag != TAG) {
      throw new DecodeException("unknown output record type tag " + tag);
    }
    CodecSupport.checkVersion("output record", "OutputRecord", tag, version, CURRENT_VERSION);
    Optional<Hash32> stateHash = CodecSupport.readOptionalHash(r);
    // Bounded by the bytes left, so a corrupt count cannot make us allocate a huge list.
    int count = r.count(r.remaining() / CommandCodec.MIN_ENCODED_BYTES, "command count");
    List<Command> commands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      commands.add(CommandCodec.read(r));
    }
    r.expectEnd("output record");
    return new OutputRecord(inputSeq, commands, stateHash);
  }
}
