package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.noise.CipherState;
import dev.basalt.adapters.p2p.noise.NoiseException;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Noise transport framing after the handshake: each frame is a 2-byte big-endian length and at
 * most 65535 bytes of ChaCha20-Poly1305 ciphertext (so at most 65519 bytes of plaintext).
 */
final class SecureChannel {
  static final int MAX_FRAME = 65535;
  static final int MAX_PLAINTEXT = MAX_FRAME - CipherState.TAG;

  private final CipherState sender;
  private final CipherState receiver;

  SecureChannel(CipherState[] split) {
    this.sender = split[0];
    this.receiver = split[1];
  }

  /** Decrypts every complete frame in {@code raw}; a partial frame stays there. */
  List<byte[]> decrypt(ByteQueue raw) throws NoiseException {
    List<byte[]> out = new ArrayList<>(2);
    while (raw.available() >= 2) {
      int len = (raw.peek(0) << 8) | raw.peek(1);
      if (raw.available() < 2 + len) {
        break;
      }
      raw.skip(2);
      if (len < CipherState.TAG) {
        throw new NoiseException("noise frame of " + len + " bytes is shorter than its tag", false);
      }
      byte[] plain = receiver.decrypt(null, raw.array(), raw.readOffset(), len);
      raw.skip(len);
      if (plain.length > 0) {
        out.add(plain);
      }
    }
    return out;
  }

  /** Encrypts {@code plain} into as many frames as needed, laid out back to back. */
  byte[] encrypt(byte[] plain, int offset, int length) throws NoiseException {
    int frames = Math.max(1, (length + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT);
    byte[] out = new byte[length + frames * (2 + CipherState.TAG)];
    int p = 0;
    int done = 0;
    do {
      int n = Math.min(MAX_PLAINTEXT, length - done);
      int c = n + CipherState.TAG;
      out[p] = (byte) (c >> 8);
      out[p + 1] = (byte) c;
      sender.encryptInto(plain, offset + done, n, out, p + 2);
      p += 2 + c;
      done += n;
    } while (done < length);
    return out;
  }

  /** One frame of handshake bytes (no encryption: the handshake encrypts its own fields). */
  static byte[] handshakeFrame(byte[] message) {
    byte[] out = new byte[2 + message.length];
    out[0] = (byte) (message.length >> 8);
    out[1] = (byte) message.length;
    System.arraycopy(message, 0, out, 2, message.length);
    return out;
  }
}
