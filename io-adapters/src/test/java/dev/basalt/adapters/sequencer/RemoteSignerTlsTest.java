package dev.basalt.adapters.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.Keccak;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * mTLS to op-signer ({@code --p2p.signer.tls.*}) against a loopback signer that demands a client
 * certificate from the test CA (material in {@code signer-tls/}, see its README): the client key
 * is read as SEC1 or PKCS#8; without a client certificate, or trusting another CA, nothing is signed.
 */
class RemoteSignerTlsTest {
  private static final Path DIR = Path.of("src/test/resources/signer-tls");

  private static FakeOpSigner tlsServer() throws Exception {
    return new FakeOpSigner(RemoteBlockSignerTest.KEY, new HttpServerOptions().setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(DIR.resolve("server.pem").toString()).setKeyPath(DIR.resolve("server.key").toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(DIR.resolve("ca.pem").toString()))
        .setClientAuth(ClientAuth.REQUIRED));
  }

  private static RemoteBlockSigner signer(FakeOpSigner server, Optional<Path> ca, Optional<Path> cert, Optional<Path> key) {
    return new RemoteBlockSigner(new RemoteSignerOptions(server.url("https"), RemoteBlockSignerTest.KEY.address(), Map.of(), ca, cert, key,
        Duration.ofSeconds(5)));
  }

  @Test
  void aClientCertificateFromTheCaSignsWithEitherKeyFormat() throws Exception {
    try (FakeOpSigner server = tlsServer()) {
      BlockMessage m = BlockMessage.of(10, Keccak.hash(new byte[] {7}));
      for (String key : new String[] {"client-sec1.key", "client-pkcs8.key"}) {
        RemoteBlockSigner s = signer(server, Optional.of(DIR.resolve("ca.pem")), Optional.of(DIR.resolve("client.pem")),
            Optional.of(DIR.resolve(key)));
        assertEquals(65, s.sign(m).length(), key);
      }
      RemoteBlockSigner noClientCert = signer(server, Optional.of(DIR.resolve("ca.pem")), Optional.empty(), Optional.empty());
      assertThrows(IllegalStateException.class, () -> noClientCert.sign(m));
      RemoteBlockSigner defaultTrust = signer(server, Optional.empty(), Optional.of(DIR.resolve("client.pem")),
          Optional.of(DIR.resolve("client-sec1.key")));
      assertThrows(IllegalStateException.class, () -> defaultTrust.sign(m), "the test CA is not in the JDK's trust store");
    }
  }

  @Test
  void unreadableFilesAreRefusedNamingTheFlag() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignerTls.privateKey(DIR.resolve("ca.pem")));
    assertTrue(e.getMessage().startsWith("--p2p.signer.tls.key: unsupported PEM block CERTIFICATE"), e.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SignerTls.context(new RemoteSignerOptions(
        java.net.URI.create("https://x"), RemoteBlockSignerTest.KEY.address(), Map.of(), Optional.of(DIR.resolve("none.pem")),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(1))));
    assertTrue(missing.getMessage().startsWith("--p2p.signer.tls.ca: cannot read"), missing.getMessage());
  }
}
