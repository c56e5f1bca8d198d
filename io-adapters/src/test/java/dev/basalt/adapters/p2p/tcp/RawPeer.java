package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.multistream.DialerNegotiation;
import dev.basalt.adapters.p2p.noise.NoiseHandshake;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * A hand-driven (blocking, test-only) libp2p dialer that can stop at any upgrade step and then
 * send whatever it likes: the adversary of {@link AdversarialPeerTest}.
 */
final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ByteQueue raw = new ByteQueue();
  private final ByteQueue plain = new ByteQueue();
  private SecureChannel secure;

  RawPeer(Multiaddr target) throws IOException {
    InetSocketAddress a = target.tcpSocketAddress().orElseThrow();
    socket = new Socket();
    socket.connect(a, 5000);
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** multistream-select of {@code protocol} on the raw socket. */
  void negotiateRaw(String protocol) throws Exception {
    DialerNegotiation n = new DialerNegotiation(List.of(protocol));
    sendRaw(n.start());
    while (n.selected() == null) {
      readRaw();
      sendRaw(n.onData(raw));
    }
  }

  /** Runs the Noise handshake as initiator with {@code hs}; afterwards the channel is encrypted. */
  void handshake(NoiseHandshake hs) throws Exception {
    while (!hs.isComplete()) {
      if (hs.isMyTurn()) {
        sendRaw(SecureChannel.handshakeFrame(hs.writeMessage()));
      } else {
        while (raw.available() < 2 || raw.available() < 2 + ((raw.peek(0) << 8) | raw.peek(1))) {
          readRaw();
        }
        int len = (raw.peek(0) << 8) | raw.peek(1);
        raw.skip(2);
        hs.readMessage(raw.take(len));
      }
    }
    secure = new SecureChannel(hs.split());
  }

  void sendPlain(byte[] bytes) throws Exception {
    sendRaw(secure.encrypt(bytes, 0, bytes.length));
  }

  /** multistream-select of {@code protocol} inside the encrypted channel (the muxer). */
  void negotiatePlain(String protocol) throws Exception {
    DialerNegotiation n = new DialerNegotiation(List.of(protocol));
    sendPlain(n.start());
    while (n.selected() == null) {
      readPlain();
      byte[] reply = n.onData(plain);
      if (reply.length > 0) {
        sendPlain(reply);
      }
    }
  }

  ByteQueue plain() {
    return plain;
  }

  void readPlain() throws Exception {
    readRaw();
    for (byte[] chunk : secure.decrypt(raw)) {
      plain.append(chunk);
    }
  }

  private void readRaw() throws IOException {
    byte[] buf = new byte[65536];
    int n = in.read(buf);
    if (n < 0) {
      throw new IOException("closed by the host");
    }
    raw.append(buf, 0, n);
  }

  /** True if the host keeps the connection open for {@code millis} (what it sends meanwhile is drained). */
  boolean stillOpenAfter(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return !closedByHost();
    } finally {
      socket.setSoTimeout(5000);
    }
  }

  /** True if the host closes the socket within the read timeout (anything it sends first is drained). */
  boolean closedByHost() throws IOException {
    byte[] buf = new byte[65536];
    try {
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the host
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
