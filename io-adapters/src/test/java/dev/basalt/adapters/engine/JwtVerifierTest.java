package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The engine's token check: accepts what the signer makes, rejects every way a token can be wrong. */
class JwtVerifierTest {
  private static final JwtSecret SECRET = JwtSecret.fromHex("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  private static final long NOW = 1_700_000_000L;
  private static final JwtVerifier VERIFIER = new JwtVerifier(SECRET, InstantSource.fixed(Instant.ofEpochSecond(NOW)));

  private static String bearer(long iat) {
    return "Bearer " + new JwtSigner(SECRET).token(iat);
  }

  /** A token with these raw JSON parts, signed with {@code key}. */
  private static String token(String header, String claims, byte[] key) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return "Bearer " + input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void acceptsTheSignersTokensWithinAMinuteEitherWay() {
    assertEquals(Optional.empty(), VERIFIER.problem(bearer(NOW)));
    assertEquals(Optional.empty(), VERIFIER.problem(bearer(NOW - 60)));
    assertEquals(Optional.empty(), VERIFIER.problem(bearer(NOW + 60)));
  }

  @Test
  void acceptsOtherClaimsAndHeaderOrderAsGethDoes() throws Exception {
    String t = token("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", "{\"iat\":" + NOW + ",\"id\":\"op-node\",\"clv\":\"v1\"}", SECRET.key());
    assertEquals(Optional.empty(), VERIFIER.problem(t));
  }

  @Test
  void rejectsMissingMalformedWronglySignedAndStaleTokens() throws Exception {
    assertEquals(Optional.of("missing token"), VERIFIER.problem(null));
    assertEquals(Optional.of("not a bearer token"), VERIFIER.problem("Basic dXNlcjpwYXNz"));
    assertEquals(Optional.of("token is not a JWT (expected header.claims.signature)"), VERIFIER.problem("Bearer abc.def"));
    assertEquals(Optional.of("token is not base64url JSON"), VERIFIER.problem("Bearer !!.??.**"));
    assertTrue(VERIFIER.problem(bearer(NOW - 61)).orElseThrow().startsWith("stale token"));
    assertTrue(VERIFIER.problem(bearer(NOW + 61)).orElseThrow().startsWith("stale token"));
    assertEquals(Optional.of("signature is invalid"),
        VERIFIER.problem("Bearer " + new JwtSigner(JwtSecret.generate()).token(NOW)));
    assertEquals(Optional.of("token algorithm is not HS256"),
        VERIFIER.problem(token("{\"alg\":\"none\"}", "{\"iat\":" + NOW + "}", SECRET.key())));
    assertEquals(Optional.of("token has no numeric iat claim"),
        VERIFIER.problem(token("{\"alg\":\"HS256\"}", "{\"iat\":\"" + NOW + "\"}", SECRET.key())));
    String good = bearer(NOW);
    String tampered = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BA" : "AA");
    assertEquals(Optional.of("signature is invalid"), VERIFIER.problem(tampered));
  }
}
