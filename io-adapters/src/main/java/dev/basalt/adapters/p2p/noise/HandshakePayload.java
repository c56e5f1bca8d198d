package dev.basalt.adapters.p2p.noise;

import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.wire.ProtoReader;
import dev.basalt.adapters.p2p.wire.ProtoWriter;
import dev.basalt.adapters.p2p.wire.WireException;
import java.nio.charset.StandardCharsets;

/**
 * libp2p's {@code NoiseHandshakePayload{identity_key = 1, identity_sig = 2, extensions = 4}}. We
 * send no extensions (so muxers are negotiated with multistream-select) and ignore the peer's.
 */
public final class HandshakePayload {
  static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

  private HandshakePayload() {}

  public static byte[] create(IdentityKey identity, byte[] staticKey) {
    return new ProtoWriter()
        .bytes(1, identity.publicKey().toProtobuf())
        .bytes(2, identity.sign(signedMessage(staticKey)))
        .toByteArray();
  }

  /** Checks the payload against the remote's Noise static key; returns the proven identity key. */
  public static Secp256k1PublicKey verify(byte[] payload, byte[] remoteStaticKey) throws NoiseException {
    byte[] key = null;
    byte[] sig = null;
    try {
      ProtoReader r = new ProtoReader(payload);
      while (r.next()) {
        if (r.field() == 1) {
          key = r.bytes();
        } else if (r.field() == 2) {
          sig = r.bytes();
        }
      }
    } catch (WireException e) {
      throw new NoiseException("malformed handshake payload: " + e.getMessage(), false);
    }
    if (key == null || sig == null) {
      throw new NoiseException("handshake payload without identity key or signature", false);
    }
    Secp256k1PublicKey identity;
    try {
      identity = Secp256k1PublicKey.fromProtobuf(key);
    } catch (WireException e) {
      throw new NoiseException("identity key refused: " + e.getMessage(), false);
    }
    if (!identity.verify(signedMessage(remoteStaticKey), sig)) {
      throw new NoiseException("identity signature over the static key does not verify", true);
    }
    return identity;
  }

  static byte[] signedMessage(byte[] staticKey) {
    byte[] msg = new byte[SIGNATURE_PREFIX.length + staticKey.length];
    System.arraycopy(SIGNATURE_PREFIX, 0, msg, 0, SIGNATURE_PREFIX.length);
    System.arraycopy(staticKey, 0, msg, SIGNATURE_PREFIX.length, staticKey.length);
    return msg;
  }
}
