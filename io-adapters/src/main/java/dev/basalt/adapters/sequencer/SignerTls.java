package dev.basalt.adapters.sequencer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The TLS context for op-signer from PEM files ({@code --p2p.signer.tls.*}): the CA becomes the
 * only trust anchor; the client certificate (chain) and its key (PKCS#8 {@code PRIVATE KEY}, SEC1
 * {@code EC PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}) the client identity. Without any file
 * the JDK's defaults apply. A file that cannot be read refuses the start, naming it.
 */
public final class SignerTls {
  private static final char[] NO_PASSWORD = new char[0];

  private SignerTls() {}

  public static Optional<SSLContext> context(RemoteSignerOptions o) {
    if (o.tlsCa().isEmpty() && o.tlsCert().isEmpty()) {
      return Optional.empty();
    }
    try {
      TrustManagerFactory tmf = null;
      if (o.tlsCa().isPresent()) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<Certificate> cas = certificates(o.tlsCa().get(), "--p2p.signer.tls.ca");
        for (int i = 0; i < cas.size(); i++) {
          trust.setCertificateEntry("ca" + i, cas.get(i));
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (o.tlsCert().isPresent()) {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        List<Certificate> chain = certificates(o.tlsCert().get(), "--p2p.signer.tls.cert");
        identity.setKeyEntry("client", privateKey(o.tlsKey().orElseThrow()), NO_PASSWORD, chain.toArray(Certificate[]::new));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, NO_PASSWORD);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
      return Optional.of(ctx);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("remote signer TLS: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file, String flag) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> out = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (out.isEmpty()) {
        throw new IllegalArgumentException(flag + ": no certificate in " + file);
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(flag + ": cannot read certificates from " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key in {@code file}; never repeats its content in an error. */
  static PrivateKey privateKey(Path file) {
    PemObject pem;
    try (Reader r = Files.newBufferedReader(file); PemReader reader = new PemReader(r)) {
      pem = reader.readPemObject();
    } catch (IOException e) {
      throw new IllegalArgumentException("--p2p.signer.tls.key: cannot read " + file + ": " + e.getMessage(), e);
    }
    if (pem == null) {
      throw new IllegalArgumentException("--p2p.signer.tls.key: no PEM key in " + file);
    }
    try {
      byte[] pkcs8 = switch (pem.getType()) {
        case "PRIVATE KEY" -> pem.getContent();
        case "EC PRIVATE KEY" -> {
          ECPrivateKey sec1 = ECPrivateKey.getInstance(pem.getContent());
          if (sec1.getParametersObject() == null) {
            throw new IllegalArgumentException("--p2p.signer.tls.key: the EC key in " + file + " does not name its curve");
          }
          yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1)
              .getEncoded();
        }
        case "RSA PRIVATE KEY" -> new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            RSAPrivateKey.getInstance(pem.getContent())).getEncoded();
        default -> throw new IllegalArgumentException("--p2p.signer.tls.key: unsupported PEM block " + pem.getType() + " in " + file
            + " (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)");
      };
      String oid = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm().getId();
      String algorithm = switch (oid) {
        case "1.2.840.10045.2.1" -> "EC";
        case "1.2.840.113549.1.1.1" -> "RSA";
        case "1.3.101.112" -> "Ed25519";
        default -> throw new IllegalArgumentException("--p2p.signer.tls.key: unsupported key algorithm " + oid + " in " + file);
      };
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IOException | GeneralSecurityException | IllegalStateException e) {
      throw new IllegalArgumentException("--p2p.signer.tls.key: cannot read the key in " + file + ": " + e.getMessage(), e);
    }
  }
}
