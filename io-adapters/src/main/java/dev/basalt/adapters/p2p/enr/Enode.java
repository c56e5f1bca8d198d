package dev.basalt.adapters.p2p.enr;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An {@code enode://<128 hex key>@<host>:<tcp port>[?discport=<udp port>]} URL (geth's v4 node URL,
 * as in op-node's and kona's bootnode lists). Unlike an ENR it carries no signature: discovery
 * only trusts it as a starting point. A host name is resolved once, when parsed.
 */
public record Enode(ECPoint publicKey, InetAddress ip, int tcpPort, int udpPort) {
  public static final String PREFIX = "enode://";

  public static Enode parse(String url) throws EnrException {
    String text = url.strip();
    if (!text.startsWith(PREFIX)) {
      throw new EnrException("not an enode URL: " + text);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new EnrException("malformed enode URL: " + e.getMessage());
    }
    String user = uri.getRawUserInfo();
    if (user == null || user.length() != 128 || uri.getHost() == null) {
      throw new EnrException("enode URL needs a 128-hex-digit key and a host: " + text);
    }
    byte[] key;
    try {
      key = HexFormat.of().parseHex(user);
    } catch (IllegalArgumentException e) {
      throw new EnrException("enode key is not hex");
    }
    ECPoint pub = Secp256k1.decodeRaw64(key);
    int tcp = uri.getPort();
    if (tcp < 0 || tcp > 65535) {
      throw new EnrException("enode URL needs a port: " + text);
    }
    int udp = tcp;
    String query = uri.getRawQuery();
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("discport=")) {
          try {
            udp = Integer.parseInt(part.substring("discport=".length()));
          } catch (NumberFormatException e) {
            throw new EnrException("enode discport is not a number: " + part);
          }
        }
      }
    }
    if (udp <= 0 || udp > 65535) {
      throw new EnrException("enode URL has no usable UDP port: " + text);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress ip;
    try {
      ip = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new EnrException("enode host does not resolve: " + host);
    }
    return new Enode(pub, ip, tcp, udp);
  }

  public NodeId nodeId() {
    return NodeId.of(publicKey);
  }

  public InetSocketAddress udpEndpoint() {
    return new InetSocketAddress(ip, udpPort);
  }

  @Override
  public String toString() {
    return PREFIX + HexFormat.of().formatHex(Secp256k1.raw64(publicKey)) + "@" + ip.getHostAddress() + ":" + tcpPort
        + (udpPort != tcpPort ? "?discport=" + udpPort : "");
  }
}
