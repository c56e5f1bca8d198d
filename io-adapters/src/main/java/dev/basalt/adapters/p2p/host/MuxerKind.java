package dev.basalt.adapters.p2p.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stream multiplexers Basalt speaks, by multistream protocol ID. */
public enum MuxerKind {
  YAMUX("/yamux/1.0.0"),
  MPLEX("/mplex/6.7.0");

  private final String protocolId;

  MuxerKind(String protocolId) {
    this.protocolId = protocolId;
  }

  public String protocolId() {
    return protocolId;
  }

  public static MuxerKind byProtocolId(String id) {
    for (MuxerKind k : values()) {
      if (k.protocolId.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Parses op-node's {@code --p2p.mux} value: a comma-separated preference list of {@code yamux}
   * and {@code mplex} (default {@code yamux,mplex}).
   */
  public static List<MuxerKind> parsePreference(String text) {
    List<MuxerKind> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      MuxerKind k = switch (name) {
        case "yamux" -> YAMUX;
        case "mplex" -> MPLEX;
        default -> throw new IllegalArgumentException("unknown muxer '" + part.strip() + "' (known: yamux, mplex)");
      };
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no muxer given (known: yamux, mplex)");
    }
    return List.copyOf(out);
  }
}
