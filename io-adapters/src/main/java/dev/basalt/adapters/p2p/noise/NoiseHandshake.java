package dev.basalt.adapters.p2p.noise;

import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The XX handshake ({@code -> e}, {@code <- e, ee, s, es}, {@code -> s, se}) with libp2p payloads
 * in messages 2 and 3. Drive it with {@link #writeMessage()} / {@link #readMessage(byte[])} in
 * turn (see {@link #isMyTurn()}) until {@link #isComplete()}, then {@link #split()}.
 */
public final class NoiseHandshake {
  private static final int DH = 32;

  private final boolean initiator;
  private final UnaryOperator<byte[]> payloadForStaticKey;
  private final PeerId expectedPeer;
  private final SymmetricState ss = new SymmetricState();
  private final byte[] s = new byte[DH];
  private final byte[] sPub = new byte[DH];
  private final byte[] e = new byte[DH];
  private final byte[] ePub = new byte[DH];
  private byte[] re;
  private byte[] rs;
  private Secp256k1PublicKey remoteIdentity;
  private int step;

  private NoiseHandshake(boolean initiator, UnaryOperator<byte[]> payloadForStaticKey, PeerId expectedPeer, SecureRandom random) {
    this.initiator = initiator;
    this.payloadForStaticKey = payloadForStaticKey;
    this.expectedPeer = expectedPeer;
    X25519.generatePrivateKey(random, s);
    X25519.generatePublicKey(s, 0, sPub, 0);
    X25519.generatePrivateKey(random, e);
    X25519.generatePublicKey(e, 0, ePub, 0);
    ss.mixHash(new byte[0]); // empty prologue
  }

  /** The dialer's side; {@code expectedPeer} (nullable) is the peer ID the remote must prove. */
  public static NoiseHandshake initiator(IdentityKey identity, PeerId expectedPeer, SecureRandom random) {
    return new NoiseHandshake(true, sk -> HandshakePayload.create(identity, sk), expectedPeer, random);
  }

  public static NoiseHandshake responder(IdentityKey identity, SecureRandom random) {
    return new NoiseHandshake(false, sk -> HandshakePayload.create(identity, sk), null, random);
  }

  /**
   * A handshake whose libp2p payload is made by {@code payloadForStaticKey} (given our static
   * key). Lets tests present a wrong key or a bad signature; production code uses the factories above.
   */
  public static NoiseHandshake withPayload(boolean initiator, UnaryOperator<byte[]> payloadForStaticKey, SecureRandom random) {
    return new NoiseHandshake(initiator, payloadForStaticKey, null, random);
  }

  public boolean isMyTurn() {
    return initiator ? step % 2 == 0 : step % 2 == 1;
  }

  public boolean isComplete() {
    return step == 3;
  }

  public byte[] writeMessage() throws NoiseException {
    if (!isMyTurn() || isComplete()) {
      throw new IllegalStateException("not our turn to write");
    }
    byte[] out;
    switch (step) {
      case 0 -> {
        ss.mixHash(ePub);
        out = concat(ePub, ss.encryptAndHash(new byte[0]));
      }
      case 1 -> {
        ss.mixHash(ePub);
        ss.mixKey(dh(e, re));
        byte[] encS = ss.encryptAndHash(sPub);
        ss.mixKey(dh(s, re));
        out = concat(ePub, concat(encS, ss.encryptAndHash(payloadForStaticKey.apply(sPub.clone()))));
      }
      default -> {
        byte[] encS = ss.encryptAndHash(sPub);
        ss.mixKey(dh(s, re));
        out = concat(encS, ss.encryptAndHash(payloadForStaticKey.apply(sPub.clone())));
      }
    }
    step++;
    return out;
  }

  public void readMessage(byte[] msg) throws NoiseException {
    if (isMyTurn() || isComplete()) {
      throw new NoiseException("handshake message out of turn", false);
    }
    switch (step) {
      case 0 -> {
        require(msg.length >= DH, "message 1 too short");
        re = Arrays.copyOf(msg, DH);
        ss.mixHash(re);
        ss.decryptAndHash(Arrays.copyOfRange(msg, DH, msg.length)); // empty payload expected, ignored
      }
      case 1 -> {
        require(msg.length >= DH + DH + CipherState.TAG + CipherState.TAG, "message 2 too short");
        re = Arrays.copyOf(msg, DH);
        ss.mixHash(re);
        ss.mixKey(dh(e, re));
        rs = ss.decryptAndHash(Arrays.copyOfRange(msg, DH, DH + DH + CipherState.TAG));
        ss.mixKey(dh(e, rs));
        byte[] payload = ss.decryptAndHash(Arrays.copyOfRange(msg, DH + DH + CipherState.TAG, msg.length));
        acceptIdentity(payload);
      }
      default -> {
        require(msg.length >= DH + CipherState.TAG + CipherState.TAG, "message 3 too short");
        rs = ss.decryptAndHash(Arrays.copyOf(msg, DH + CipherState.TAG));
        ss.mixKey(dh(e, rs));
        byte[] payload = ss.decryptAndHash(Arrays.copyOfRange(msg, DH + CipherState.TAG, msg.length));
        acceptIdentity(payload);
      }
    }
    step++;
  }

  /** The identity the remote proved (after its payload was read). */
  public Secp256k1PublicKey remoteIdentity() {
    return remoteIdentity;
  }

  /** The transport ciphers: [0] for sending, [1] for receiving. */
  public CipherState[] split() {
    if (!isComplete()) {
      throw new IllegalStateException("handshake not complete");
    }
    CipherState[] c = ss.split();
    return initiator ? c : new CipherState[] {c[1], c[0]};
  }

  private void acceptIdentity(byte[] payload) throws NoiseException {
    Secp256k1PublicKey key = HandshakePayload.verify(payload, rs);
    if (expectedPeer != null && !expectedPeer.matches(key)) {
      throw new NoiseException("peer proved " + key.peerId() + " but " + expectedPeer + " was dialed", true);
    }
    remoteIdentity = key;
  }

  private static byte[] dh(byte[] priv, byte[] pub) throws NoiseException {
    byte[] out = new byte[DH];
    if (!X25519.calculateAgreement(priv, 0, pub, 0, out, 0)) {
      throw new NoiseException("X25519 agreement with a low-order point", false);
    }
    return out;
  }

  private static void require(boolean ok, String what) throws NoiseException {
    if (!ok) {
      throw new NoiseException(what, false);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
