package dev.basalt.adapters.p2p.identity;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The secp256k1 domain, shared by keys and signatures. */
final class Secp256k1Curve {
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  private Secp256k1Curve() {}
}
