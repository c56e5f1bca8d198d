package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import dev.basalt.adapters.p2p.enr.Secp256k1;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;

/** A hand-driven discv5 endpoint for adversarial tests: sends exactly the packets a test builds. */
final class RawPeer implements AutoCloseable {
  final SecureRandom random = new SecureRandom();
  final NodeKey key = NodeKey.generate(random);
  final DatagramSocket socket;
  final Enr enr;

  RawPeer(long chainId) throws IOException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(2000);
    enr = Enr.builder().ip(InetAddress.getLoopbackAddress()).udp(socket.getLocalPort()).tcp(9000)
        .opstack(new dev.basalt.adapters.p2p.enr.OpStackEnrData(chainId, 0)).sign(key);
  }

  NodeId id() {
    return key.nodeId();
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  void send(InetSocketAddress to, byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length, to));
  }

  /** The next packet for us, or null after the socket timeout. */
  Packet receive() throws IOException {
    byte[] buf = new byte[2048];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    try {
      socket.receive(p);
    } catch (SocketTimeoutException e) {
      return null;
    }
    try {
      return PacketCodec.decode(Arrays.copyOf(buf, p.getLength()), p.getLength(), id());
    } catch (Discv5Exception e) {
      throw new IOException(e);
    }
  }

  /** A packet the target cannot decrypt: it answers WHOAREYOU. */
  byte[] randomOrdinary(NodeId dest) {
    byte[] header = PacketCodec.header(PacketCodec.FLAG_ORDINARY, bytes(12), PacketCodec.ordinaryAuthdata(id()));
    return PacketCodec.assemble(dest, bytes(16), header, bytes(20));
  }

  /** A handshake answering {@code w}; {@code signer} signs the id proof (a wrong key makes it invalid). */
  byte[][] handshake(Enr target, Packet.WhoAreYou w, NodeKey signer, Message m) {
    NodeKey eph = NodeKey.generate(random);
    Discv5Crypto.SessionKeys keys = Discv5Crypto.deriveKeys(eph.ecdh(target.publicKey()), w.challengeData(), id(), target.nodeId());
    byte[] sig = Discv5Crypto.idSign(signer, w.challengeData(), eph.compressedPublicKey(), target.nodeId());
    byte[] auth = PacketCodec.handshakeAuthdata(id(), sig, eph.compressedPublicKey(), enr.encode());
    byte[] packet = PacketCodec.encodeMessagePacket(target.nodeId(), bytes(16), PacketCodec.FLAG_HANDSHAKE, bytes(12),
        auth, keys.initiatorKey(), MessageCodec.encode(m));
    return new byte[][] {packet, keys.initiatorKey(), keys.recipientKey()};
  }

  /** Keys of a session where the target initiated and we answered its random packet with WHOAREYOU. */
  Discv5Crypto.SessionKeys acceptHandshake(Packet.Handshake h, byte[] challengeData) throws Exception {
    return Discv5Crypto.deriveKeys(key.ecdh(Secp256k1.decodePoint(h.ephemeralPubkey())), challengeData, h.srcId(), id());
  }

  byte[] ordinary(NodeId dest, byte[] writeKey, Message m) {
    return PacketCodec.encodeMessagePacket(dest, bytes(16), PacketCodec.FLAG_ORDINARY, bytes(12),
        PacketCodec.ordinaryAuthdata(id()), writeKey, MessageCodec.encode(m));
  }

  static Message open(Packet p, byte[] readKey) throws Discv5Exception {
    byte[] ct = p instanceof Packet.Handshake h ? h.message() : ((Packet.Ordinary) p).message();
    return MessageCodec.decode(Discv5Crypto.aesGcmDecrypt(readKey, p.nonce(), ct, p.authenticatedData()), new int[1]);
  }

  @Override
  public void close() {
    socket.close();
  }
}
