package dev.basalt.adapters.p2p.multiaddr;

/** The multiaddr protocols Basalt understands, with their multicodec code and value size. */
public enum MultiaddrProtocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  DNS(53, "dns", -1),
  DNS4(54, "dns4", -1),
  DNS6(55, "dns6", -1),
  IP6(41, "ip6", 16),
  UDP(273, "udp", 2),
  P2P(421, "p2p", -1);

  private final int code;
  private final String text;
  private final int fixedSize;

  MultiaddrProtocol(int code, String text, int fixedSize) {
    this.code = code;
    this.text = text;
    this.fixedSize = fixedSize;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** Value size in bytes, or -1 for a varint-length-prefixed value. */
  public int fixedSize() {
    return fixedSize;
  }

  public static MultiaddrProtocol byCode(long code) {
    for (MultiaddrProtocol p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    return null;
  }

  public static MultiaddrProtocol byText(String text) {
    for (MultiaddrProtocol p : values()) {
      if (p.text.equals(text)) {
        return p;
      }
    }
    return "ipfs".equals(text) ? P2P : null;
  }
}
