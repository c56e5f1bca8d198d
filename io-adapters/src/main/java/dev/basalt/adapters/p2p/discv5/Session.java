package dev.basalt.adapters.p2p.discv5;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * An established discv5 session with one node at one endpoint: the two AES-GCM keys and the
 * outgoing message counter that makes every nonce unique ({@code counter (4) || random (8)}, as
 * discv5-theory.md recommends).
 */
final class Session {
  final byte[] writeKey;
  final byte[] readKey;
  private int counter;

  Session(byte[] writeKey, byte[] readKey) {
    this.writeKey = writeKey;
    this.readKey = readKey;
  }

  byte[] nextNonce(SecureRandom random) {
    byte[] rnd = new byte[8];
    random.nextBytes(rnd);
    return ByteBuffer.allocate(PacketCodec.NONCE_BYTES).putInt(++counter).put(rnd).array();
  }
}
