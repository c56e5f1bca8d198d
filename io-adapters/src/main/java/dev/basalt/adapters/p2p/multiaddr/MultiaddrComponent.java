package dev.basalt.adapters.p2p.multiaddr;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.wire.WireException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One {@code /protocol/value} step of a multiaddr; the value is kept in its binary form. */
public record MultiaddrComponent(MultiaddrProtocol protocol, byte[] value) {
  public MultiaddrComponent {
    value = value.clone();
    if (protocol.fixedSize() >= 0 && value.length != protocol.fixedSize()) {
      throw new IllegalArgumentException("/" + protocol.text() + " value must have " + protocol.fixedSize() + " bytes");
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The value as text: an address, a port, a host name or a base58 peer ID. */
  public String valueText() {
    return switch (protocol) {
      case IP4 -> addressText();
      case IP6 -> Ip6Text.format(value);
      case TCP, UDP -> Integer.toString(port());
      case DNS, DNS4, DNS6 -> new String(value, StandardCharsets.UTF_8);
      case P2P -> peerId().toString();
    };
  }

  public int port() {
    return ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
  }

  public PeerId peerId() {
    try {
      return PeerId.fromBytes(value);
    } catch (WireException e) {
      throw new IllegalStateException("checked at construction", e);
    }
  }

  private String addressText() {
    try {
      return InetAddress.getByAddress(value).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  static MultiaddrComponent fromText(MultiaddrProtocol protocol, String text) {
    return switch (protocol) {
      case IP4 -> new MultiaddrComponent(protocol, IpLiteral.parse4(text));
      case IP6 -> new MultiaddrComponent(protocol, IpLiteral.parse6(text));
      case TCP, UDP -> new MultiaddrComponent(protocol, portBytes(text));
      case DNS, DNS4, DNS6 -> {
        if (text.isEmpty() || text.length() > 255) {
          throw new IllegalArgumentException("bad /" + protocol.text() + " name: '" + text + "'");
        }
        yield new MultiaddrComponent(protocol, text.getBytes(StandardCharsets.UTF_8));
      }
      case P2P -> new MultiaddrComponent(protocol, PeerId.parse(text).toBytes());
    };
  }

  static MultiaddrComponent checkedBinary(MultiaddrProtocol protocol, byte[] value) throws WireException {
    if (protocol == MultiaddrProtocol.P2P) {
      PeerId.fromBytes(value);
    }
    return new MultiaddrComponent(protocol, value);
  }

  private static byte[] portBytes(String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port: '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return new byte[] {(byte) (port >> 8), (byte) port};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiaddrComponent c && c.protocol == protocol && Arrays.equals(c.value, value);
  }

  @Override
  public int hashCode() {
    return protocol.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "/" + protocol.text() + "/" + valueText();
  }
}
