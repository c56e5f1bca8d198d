package dev.basalt.adapters.p2p.protocols;

import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.wire.ProtoReader;
import dev.basalt.adapters.p2p.wire.ProtoWriter;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify protobuf: {@code publicKey = 1, listenAddrs = 2, protocols = 3, observedAddr = 4,
 * protocolVersion = 5, agentVersion = 6, signedPeerRecord = 8} (the record is neither sent nor checked).
 */
final class IdentifyCodec {
  private IdentifyCodec() {}

  static byte[] encode(Secp256k1PublicKey key, IdentifyInfo info) {
    ProtoWriter w = new ProtoWriter().string(5, info.protocolVersion()).string(6, info.agentVersion()).bytes(1, key.toProtobuf());
    for (Multiaddr a : info.listenAddrs()) {
      w.bytes(2, a.withoutPeerId().toBytes());
    }
    info.observedAddr().ifPresent(a -> w.bytes(4, a.toBytes()));
    for (String p : info.protocols()) {
      w.string(3, p);
    }
    return w.toByteArray();
  }

  /** A decoded message plus the public key it carried (if any). Unknown multiaddr protocols are skipped. */
  record Decoded(IdentifyInfo info, Optional<byte[]> publicKey) {}

  static Decoded decode(byte[] message) throws WireException {
    String agent = "";
    String version = "";
    List<String> protocols = new ArrayList<>();
    List<Multiaddr> listen = new ArrayList<>();
    Optional<Multiaddr> observed = Optional.empty();
    Optional<byte[]> key = Optional.empty();
    ProtoReader r = new ProtoReader(message);
    while (r.next()) {
      switch (r.field()) {
        case 1 -> key = Optional.of(r.bytes());
        case 2 -> parseAddr(r.bytes()).ifPresent(listen::add);
        case 3 -> protocols.add(r.string());
        case 4 -> observed = parseAddr(r.bytes());
        case 5 -> version = r.string();
        case 6 -> agent = r.string();
        default -> { } // signedPeerRecord and future fields
      }
    }
    return new Decoded(new IdentifyInfo(agent, version, protocols, listen, observed), key);
  }

  private static Optional<Multiaddr> parseAddr(byte[] bytes) {
    try {
      return Optional.of(Multiaddr.fromBytes(bytes));
    } catch (WireException e) {
      return Optional.empty(); // e.g. /quic-v1 or /webtransport addresses we do not model
    }
  }
}
