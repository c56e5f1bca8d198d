package dev.basalt.adapters.p2p.multiaddr;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.wire.Uvarint;
import dev.basalt.adapters.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A multiaddr: an immutable list of {@link MultiaddrComponent}s, e.g. {@code /ip4/1.2.3.4/tcp/9222/p2p/16Uiu2…}. */
public final class Multiaddr {
  private static final int MAX_BINARY = 1024;

  private final List<MultiaddrComponent> components;

  private Multiaddr(List<MultiaddrComponent> components) {
    this.components = List.copyOf(components);
  }

  public static Multiaddr of(List<MultiaddrComponent> components) {
    return new Multiaddr(components);
  }

  /** Parses the text form; throws {@link IllegalArgumentException} naming the bad part. */
  public static Multiaddr parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("multiaddr must start with '/': '" + text + "'");
    }
    String[] parts = text.substring(1).split("/", -1);
    List<MultiaddrComponent> out = new ArrayList<>();
    int i = 0;
    if (parts.length == 1 && parts[0].isEmpty()) {
      return new Multiaddr(out);
    }
    while (i < parts.length) {
      if (parts[i].isEmpty() && i == parts.length - 1) {
        break; // trailing slash
      }
      MultiaddrProtocol p = MultiaddrProtocol.byText(parts[i]);
      if (p == null) {
        throw new IllegalArgumentException("unsupported multiaddr protocol '/" + parts[i] + "' in " + text);
      }
      if (i + 1 >= parts.length) {
        throw new IllegalArgumentException("/" + parts[i] + " needs a value in " + text);
      }
      out.add(MultiaddrComponent.fromText(p, parts[i + 1]));
      i += 2;
    }
    return new Multiaddr(out);
  }

  /** Decodes the binary form. */
  public static Multiaddr fromBytes(byte[] in) throws WireException {
    if (in.length > MAX_BINARY) {
      throw new WireException("multiaddr of " + in.length + " bytes is too long");
    }
    List<MultiaddrComponent> out = new ArrayList<>();
    int pos = 0;
    while (pos < in.length) {
      long code = Uvarint.decode(in, pos, in.length);
      if (code == Uvarint.INCOMPLETE) {
        throw new WireException("multiaddr truncated");
      }
      pos += Uvarint.decodedLength(in, pos);
      MultiaddrProtocol p = MultiaddrProtocol.byCode(code);
      if (p == null) {
        throw new WireException("unsupported multiaddr protocol code " + code);
      }
      int size = p.fixedSize();
      if (size < 0) {
        long len = Uvarint.decode(in, pos, in.length);
        if (len == Uvarint.INCOMPLETE) {
          throw new WireException("multiaddr truncated");
        }
        pos += Uvarint.decodedLength(in, pos);
        if (len > in.length - pos) {
          throw new WireException("multiaddr /" + p.text() + " value runs past the end");
        }
        size = (int) len;
      } else if (size > in.length - pos) {
        throw new WireException("multiaddr /" + p.text() + " value runs past the end");
      }
      out.add(MultiaddrComponent.checkedBinary(p, Arrays.copyOfRange(in, pos, pos + size)));
      pos += size;
    }
    return new Multiaddr(out);
  }

  /** {@code /ip4|ip6/<address>/tcp/<port>} for a socket address. */
  public static Multiaddr tcp(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    MultiaddrProtocol p = ip.getAddress().length == 4 ? MultiaddrProtocol.IP4 : MultiaddrProtocol.IP6;
    int port = address.getPort();
    return new Multiaddr(List.of(
        new MultiaddrComponent(p, ip.getAddress()),
        new MultiaddrComponent(MultiaddrProtocol.TCP, new byte[] {(byte) (port >> 8), (byte) port})));
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (MultiaddrComponent c : components) {
      Uvarint.write(out, c.protocol().code());
      byte[] v = c.value();
      if (c.protocol().fixedSize() < 0) {
        Uvarint.write(out, v.length);
      }
      out.writeBytes(v);
    }
    return out.toByteArray();
  }

  public List<MultiaddrComponent> components() {
    return components;
  }

  /** The first component of {@code protocol}, if any. */
  public Optional<MultiaddrComponent> first(MultiaddrProtocol protocol) {
    return components.stream().filter(c -> c.protocol() == protocol).findFirst();
  }

  /** The peer ID of a trailing {@code /p2p/} component, if any. */
  public Optional<PeerId> peerId() {
    return first(MultiaddrProtocol.P2P).map(MultiaddrComponent::peerId);
  }

  /** This address with {@code /p2p/<peer>} appended (replacing an existing one). */
  public Multiaddr withPeerId(PeerId peer) {
    List<MultiaddrComponent> out = new ArrayList<>(withoutPeerId().components);
    out.add(new MultiaddrComponent(MultiaddrProtocol.P2P, peer.toBytes()));
    return new Multiaddr(out);
  }

  public Multiaddr withoutPeerId() {
    return new Multiaddr(components.stream().filter(c -> c.protocol() != MultiaddrProtocol.P2P).toList());
  }

  /**
   * The TCP socket address of an {@code /ip4|ip6/…/tcp/…} address (host names of {@code /dns*} are
   * left unresolved), or empty if this is not a TCP address.
   */
  public Optional<InetSocketAddress> tcpSocketAddress() {
    if (components.size() < 2 || components.get(1).protocol() != MultiaddrProtocol.TCP) {
      return Optional.empty();
    }
    MultiaddrComponent host = components.get(0);
    int port = components.get(1).port();
    try {
      return switch (host.protocol()) {
        case IP4, IP6 -> Optional.of(new InetSocketAddress(InetAddress.getByAddress(host.value()), port));
        case DNS, DNS4, DNS6 -> Optional.of(InetSocketAddress.createUnresolved(host.valueText(), port));
        default -> Optional.empty();
      };
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr m && m.components.equals(components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (MultiaddrComponent c : components) {
      sb.append(c);
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }
}
