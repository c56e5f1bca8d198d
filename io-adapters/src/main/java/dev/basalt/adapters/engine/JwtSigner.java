package dev.basalt.adapters.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 bearer tokens for the Engine API ({@code authentication.md}): header
 * {@code {"alg":"HS256","typ":"JWT"}}, claims {@code {"iat":<seconds>}}, base64url without padding.
 * The engine accepts an {@code iat} within ±60 s of its clock, so each request gets a fresh token.
 * Thread-safe: each thread keeps its own keyed {@link Mac} (Mac is not thread-safe, and a provider
 * lookup per token would cost more than the HMAC).
 */
public final class JwtSigner {
  private static final String HEADER_B64 = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final InstantSource clock;
  private final ThreadLocal<Mac> macs;

  public JwtSigner(JwtSecret secret, InstantSource clock) {
    this.key = new SecretKeySpec(secret.key(), ALGORITHM);
    this.clock = Objects.requireNonNull(clock, "clock");
    SecretKeySpec k = key;
    this.macs = ThreadLocal.withInitial(() -> newMac(k));
  }

  public JwtSigner(JwtSecret secret) {
    this(secret, InstantSource.system());
  }

  /** A token issued now. */
  public String token() {
    return token(clock.instant().getEpochSecond());
  }

  /** A token with this {@code iat} (seconds since the epoch). */
  public String token(long issuedAtSeconds) {
    String claims = base64Url(("{\"iat\":" + issuedAtSeconds + "}").getBytes(StandardCharsets.US_ASCII));
    String signingInput = HEADER_B64 + "." + claims;
    return signingInput + "." + base64Url(hmac(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  private byte[] hmac(byte[] input) {
    // doFinal resets the Mac for the next token.
    return macs.get().doFinal(input);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java platform; this cannot happen on a working JDK.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
