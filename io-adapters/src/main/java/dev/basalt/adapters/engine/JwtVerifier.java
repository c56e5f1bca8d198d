package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engine's side of Engine API authentication ({@code execution-apis}
 * {@code src/engine/authentication.md}): a {@code Authorization: Bearer <jwt>} header whose token
 * is HS256-signed with the shared secret and whose {@code iat} is within
 * {@link #MAX_CLOCK_SKEW_SECONDS} of the engine's clock. Other claims are allowed and ignored, as
 * geth does. Thread-safe (a fresh {@link Mac} per check; the fake engines are not hot paths).
 */
public final class JwtVerifier {
  /** How far {@code iat} may be from now, either way (geth and reth: 60 s). */
  public static final long MAX_CLOCK_SKEW_SECONDS = 60;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final InstantSource clock;

  public JwtVerifier(JwtSecret secret, InstantSource clock) {
    this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Why the request is not authorized, or empty when it is.
   *
   * @param authorization the {@code Authorization} header, or null when the request had none
   */
  public Optional<String> problem(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of("missing token");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of("not a bearer token");
    }
    String[] parts = authorization.substring(7).strip().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.of("token is not a JWT (expected header.claims.signature)");
    }
    try {
      JsonNode header = JSON.readTree(B64.decode(parts[0]));
      if (header == null || !"HS256".equals(header.path("alg").asText())) {
        return Optional.of("token algorithm is not HS256");
      }
      byte[] expected = hmac((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, B64.decode(parts[2]))) {
        return Optional.of("signature is invalid");
      }
      JsonNode iat = JSON.readTree(B64.decode(parts[1])).path("iat");
      if (!iat.isIntegralNumber() || !iat.canConvertToLong()) {
        return Optional.of("token has no numeric iat claim");
      }
      long skew = Math.abs(clock.instant().getEpochSecond() - iat.longValue());
      return skew > MAX_CLOCK_SKEW_SECONDS ? Optional.of("stale token (iat " + skew + " s from now)") : Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.of("token is not base64url JSON");
    }
  }

  private byte[] hmac(byte[] input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
