package dev.basalt.adapters.p2p.enr;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A node's secp256k1 private key as discovery uses it: it signs the local record and handshake
 * id-signatures. The same 32 bytes are the libp2p identity key ({@code --p2p.priv.path}).
 */
public final class NodeKey {
  private final BigInteger secret;
  private final ECPoint publicKey;
  private final NodeId nodeId;

  private NodeKey(BigInteger secret) {
    this.secret = secret;
    this.publicKey = Secp256k1.publicKey(secret);
    this.nodeId = NodeId.of(publicKey);
  }

  public static NodeKey fromSecret(byte[] secret32) {
    return new NodeKey(Secp256k1.secretFrom(secret32));
  }

  public static NodeKey generate(SecureRandom random) {
    byte[] b = new byte[32];
    while (true) {
      random.nextBytes(b);
      BigInteger d = new BigInteger(1, b);
      if (d.signum() > 0 && d.compareTo(Secp256k1.DOMAIN.getN()) < 0) {
        return new NodeKey(d);
      }
    }
  }

  public ECPoint publicKey() {
    return publicKey;
  }

  public byte[] compressedPublicKey() {
    return Secp256k1.compress(publicKey);
  }

  public NodeId nodeId() {
    return nodeId;
  }

  public byte[] sign(byte[] hash32) {
    return Secp256k1.sign(secret, hash32);
  }

  public byte[] ecdh(ECPoint remote) {
    return Secp256k1.ecdh(remote, secret);
  }

  @Override
  public String toString() {
    return "NodeKey[" + nodeId.toShortString() + "]";
  }
}
