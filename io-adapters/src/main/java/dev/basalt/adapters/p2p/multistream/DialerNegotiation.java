package dev.basalt.adapters.p2p.multistream;

import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.List;

/**
 * The dialer's side: sends the header and the first proposal at once (as go and js do), then the
 * next proposal after each {@code na}.
 */
public final class DialerNegotiation implements Negotiation {
  private final List<String> proposals;
  private int current;
  private boolean headerSeen;
  private String selected;

  public DialerNegotiation(List<String> proposals) {
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("no protocol to propose");
    }
    this.proposals = List.copyOf(proposals);
  }

  @Override
  public byte[] start() {
    return MultistreamLines.encode(MultistreamLines.HEADER, proposals.get(0));
  }

  @Override
  public byte[] onData(ByteQueue in) throws WireException, NoProtocolException {
    while (selected == null) {
      String line = MultistreamLines.read(in);
      if (line == null) {
        return new byte[0];
      }
      if (!headerSeen) {
        if (!line.equals(MultistreamLines.HEADER)) {
          throw new WireException("expected " + MultistreamLines.HEADER + ", got '" + abbreviate(line) + "'");
        }
        headerSeen = true;
        continue;
      }
      String proposed = proposals.get(current);
      if (line.equals(proposed)) {
        selected = proposed;
      } else if (line.equals(MultistreamLines.NA)) {
        current++;
        if (current >= proposals.size()) {
          throw new NoProtocolException("peer supports none of " + proposals);
        }
        return MultistreamLines.encode(proposals.get(current));
      } else {
        throw new WireException("unexpected answer '" + abbreviate(line) + "' to proposal " + proposed);
      }
    }
    return new byte[0];
  }

  @Override
  public String selected() {
    return selected;
  }

  static String abbreviate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
