package dev.basalt.adapters.p2p.multistream;

import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.Uvarint;
import dev.basalt.adapters.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The multistream message format: uvarint length, then the line including its trailing {@code \n}. */
public final class MultistreamLines {
  public static final String HEADER = "/multistream/1.0.0";
  public static final String NA = "na";
  /** go-multistream's protocol-ID limit is 1 KiB; a line is the ID plus its newline. */
  public static final int MAX_LINE = 1024;

  private MultistreamLines() {}

  public static byte[] encode(String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
      Uvarint.write(out, b.length);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /** Takes one complete line from {@code in} (without its newline), or null if more bytes are needed. */
  public static String read(ByteQueue in) throws WireException {
    if (in.available() == 0) {
      return null;
    }
    long len = in.peekUvarint(0);
    if (len == Uvarint.INCOMPLETE) {
      if (in.available() > 3) {
        throw new WireException("multistream length prefix too long");
      }
      return null;
    }
    if (len < 1 || len > MAX_LINE) {
      throw new WireException("multistream line of " + len + " bytes (limit " + MAX_LINE + ")");
    }
    int header = in.uvarintLength(0);
    if (in.available() < header + len) {
      return null;
    }
    in.skip(header);
    byte[] line = in.take((int) len);
    if (line[line.length - 1] != '\n') {
      throw new WireException("multistream line without trailing newline");
    }
    return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
  }
}
