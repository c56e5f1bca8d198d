package dev.basalt.adapters.p2p;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code opp2p_blockSubnet}'s argument, Go {@code
 * net.IPNet}). Written back as Go prints it: the network address (host bits cleared) and the prefix.
 *
 * @param network the address with its host bits cleared (4 or 16 bytes)
 */
public record Subnet(byte[] network, int prefixBits) {
  public Subnet {
    network = network.clone();
    if (network.length != 4 && network.length != 16 || prefixBits < 0 || prefixBits > 8 * network.length) {
      throw new IllegalArgumentException("bad subnet");
    }
  }

  /** Parses {@code a.b.c.d/n} or {@code x:y::/n} (literals only, never a DNS lookup). */
  public static Subnet parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR subnet (no /prefix): " + text);
    }
    String ip = text.substring(0, slash);
    if (ip.isEmpty() || !ip.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':')) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    byte[] addr;
    try {
      addr = InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    if (ip.contains(":") != (addr.length == 16)) {
      throw new IllegalArgumentException("not a CIDR subnet: " + text); // an IPv4-mapped IPv6 literal
    }
    int bits;
    try {
      bits = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + text);
    }
    if (bits < 0 || bits > 8 * addr.length) {
      throw new IllegalArgumentException("prefix length " + bits + " out of range in " + text);
    }
    return new Subnet(mask(addr, bits), bits);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    return a.length == network.length && java.util.Arrays.equals(mask(a, prefixBits), network);
  }

  private static byte[] mask(byte[] addr, int bits) {
    byte[] out = addr.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - 8 * i));
      out[i] &= (byte) (0xff << (8 - keep));
    }
    return out;
  }

  @Override
  public String toString() {
    try {
      // the multiaddr text form writes IPv6 as RFC 5952 (and Go) do: fd00::, not fd00:0:0:0:0:0:0:0
      String address = dev.basalt.adapters.p2p.multiaddr.Multiaddr.tcp(
          new java.net.InetSocketAddress(InetAddress.getByAddress(network), 0)).toString().split("/")[2];
      return address + "/" + prefixBits;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subnet s && s.prefixBits == prefixBits && java.util.Arrays.equals(s.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefixBits;
  }

  @Override
  public byte[] network() {
    return network.clone();
  }
}
