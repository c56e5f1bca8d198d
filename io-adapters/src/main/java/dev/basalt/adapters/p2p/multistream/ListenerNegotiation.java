package dev.basalt.adapters.p2p.multistream;

import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.util.function.Predicate;

/**
 * The listener's side: sends the header at once, answers each proposal with itself (accepted) or
 * {@code na}; {@code ls} gets {@code na} too. At most {@link #MAX_PROPOSALS} refusals, then the
 * exchange counts as malformed.
 */
public final class ListenerNegotiation implements Negotiation {
  public static final int MAX_PROPOSALS = 16;

  private final Predicate<String> supported;
  private boolean headerSeen;
  private int refused;
  private String selected;

  public ListenerNegotiation(Predicate<String> supported) {
    this.supported = supported;
  }

  @Override
  public byte[] start() {
    return MultistreamLines.encode(MultistreamLines.HEADER);
  }

  @Override
  public byte[] onData(ByteQueue in) throws WireException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    while (selected == null) {
      String line = MultistreamLines.read(in);
      if (line == null) {
        break;
      }
      if (!headerSeen) {
        if (!line.equals(MultistreamLines.HEADER)) {
          throw new WireException("expected " + MultistreamLines.HEADER + ", got '" + DialerNegotiation.abbreviate(line) + "'");
        }
        headerSeen = true;
        continue;
      }
      if (!line.isEmpty() && line.charAt(0) == '/' && supported.test(line)) {
        selected = line;
        reply.writeBytes(MultistreamLines.encode(line));
      } else {
        if (++refused > MAX_PROPOSALS) {
          throw new WireException("more than " + MAX_PROPOSALS + " refused proposals");
        }
        reply.writeBytes(MultistreamLines.encode(MultistreamLines.NA));
      }
    }
    return reply.toByteArray();
  }

  @Override
  public String selected() {
    return selected;
  }
}
