package dev.basalt.adapters.p2p.multiaddr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP literals without ever resolving a host name. */
final class IpLiteral {
  private IpLiteral() {}

  static byte[] parse4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("bad IPv4 address: '" + text + "'");
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("bad IPv4 address: '" + text + "'");
      }
      int v = Integer.parseInt(parts[i]);
      if (v > 255) {
        throw new IllegalArgumentException("bad IPv4 address: '" + text + "'");
      }
      out[i] = (byte) v;
    }
    return out;
  }

  static byte[] parse6(String text) {
    if (text.isEmpty() || !text.contains(":") || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      throw new IllegalArgumentException("bad IPv6 address: '" + text + "'");
    }
    try {
      InetAddress a = InetAddress.getByName(text); // a literal with ':' is never resolved
      if (a instanceof Inet6Address) {
        return a.getAddress();
      }
      if (a instanceof Inet4Address) { // an IPv4-mapped literal: keep the 16-byte form
        byte[] out = new byte[16];
        out[10] = (byte) 0xFF;
        out[11] = (byte) 0xFF;
        System.arraycopy(a.getAddress(), 0, out, 12, 4);
        return out;
      }
    } catch (UnknownHostException e) {
      // fall through
    }
    throw new IllegalArgumentException("bad IPv6 address: '" + text + "'");
  }
}
