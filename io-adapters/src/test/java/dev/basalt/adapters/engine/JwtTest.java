package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.testdata.gen.SimRng;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class JwtTest {
  private static final String SECRET_HEX = "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

  @TempDir Path dir;

  /** Computed independently (Python hmac/base64) for this secret and iat 1700000000. */
  @Test
  void tokenMatchesAnIndependentlyComputedVector() {
    JwtSigner signer = new JwtSigner(JwtSecret.fromHex(SECRET_HEX));
    assertEquals("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDB9."
        + "PImRAQ9ASfA6sNaNXGOwlr2pLWNLJ5SQEyzckOr3ufo", signer.token(1_700_000_000L));
  }

  @Test
  void tokensCarryTheClockAndVerifyUnderRecomputedHmac() throws Exception {
    SimRng rng = new SimRng(0x5eed_0001L);
    for (int i = 0; i < 50; i++) {
      byte[] key = rng.bytes(32);
      long iat = rng.between(1_600_000_000L, 2_000_000_000L);
      JwtSigner signer = new JwtSigner(JwtSecret.fromHex(HexFormat.of().formatHex(key)),
          InstantSource.fixed(Instant.ofEpochSecond(iat, 999_000_000)));
      String[] parts = signer.token().split("\\.");
      assertEquals(3, parts.length);
      JsonNode header = json(parts[0]);
      assertEquals("HS256", header.get("alg").textValue());
      assertEquals("JWT", header.get("typ").textValue());
      JsonNode claims = json(parts[1]);
      assertEquals(iat, claims.get("iat").longValue(), "iat is whole seconds of the clock");
      assertEquals(1, claims.size(), "no claims beyond iat");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]));
      assertFalse(signer.token().contains("="), "base64url without padding");
    }
  }

  @Test
  void secretFilesAcceptPrefixAndWhitespace() throws Exception {
    Path plain = dir.resolve("plain.hex");
    Files.writeString(plain, SECRET_HEX.substring(2));
    Path padded = dir.resolve("padded.hex");
    Files.writeString(padded, "  \n" + SECRET_HEX.toUpperCase().replace("0X", "0x") + "\r\n\t");
    assertEquals(JwtSecret.fromHex(SECRET_HEX), JwtSecret.fromFile(plain));
    assertEquals(JwtSecret.fromHex(SECRET_HEX), JwtSecret.fromFile(padded));
    assertEquals(SECRET_HEX, JwtSecret.fromFile(padded).toHex());
  }

  @Test
  void badSecretsFailWithMessagesThatSayWhy() throws Exception {
    assertMessage(() -> JwtSecret.fromHex("0x" + "ab".repeat(16)), "has 16 bytes");
    assertMessage(() -> JwtSecret.fromHex("ab".repeat(33)), "has 33 bytes");
    assertMessage(() -> JwtSecret.fromHex("  "), "is empty");
    assertMessage(() -> JwtSecret.fromHex("0x" + "zz".repeat(32)), "not hex");
    assertMessage(() -> JwtSecret.fromHex("abc"), "not hex");
    Path missing = dir.resolve("missing.hex");
    assertMessage(() -> JwtSecret.fromFile(missing), "does not exist");
    Path shortFile = dir.resolve("short.hex");
    Files.writeString(shortFile, "0x1234");
    JwtSecretException e = assertThrows(JwtSecretException.class, () -> JwtSecret.fromFile(shortFile));
    assertTrue(e.getMessage().contains(shortFile.toString()) && e.getMessage().contains("has 2 bytes"), e.getMessage());
    Path directory = Files.createDirectory(dir.resolve("a-directory"));
    assertMessage(() -> JwtSecret.fromFile(directory), "cannot read JWT secret file");
  }

  @Test
  void createIfMissingIsOptInAndNeverOverwrites() throws Exception {
    Path file = dir.resolve("sub/l2_jwt.hex");
    assertThrows(JwtSecretException.class, () -> new JwtSource.File(file).load(), "off by default");
    assertFalse(Files.exists(file));
    JwtSecret created = new JwtSource.File(file, true).load();
    assertTrue(Files.readString(file).matches("0x[0-9a-f]{64}"));
    assertEquals(created, JwtSecret.fromFile(file));
    assertEquals(created, new JwtSource.File(file, true).load(), "an existing file is read, not replaced");
    assertMessage(() -> JwtSecret.writeNew(file), "already exists");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(file));
    }
  }

  @Test
  void generatedSecretsDifferAndNeverPrint() {
    JwtSecret a = JwtSecret.generate();
    assertNotEquals(a, JwtSecret.generate());
    assertEquals(32, a.key().length);
    assertFalse(a.toString().contains(a.toHex().substring(2, 10)));
    assertFalse(new JwtSource.Encoded(SECRET_HEX).toString().contains("0102"));
    assertEquals(JwtSecret.fromHex(SECRET_HEX), new JwtSource.Encoded(SECRET_HEX).load());
  }

  private static void assertMessage(Executable call, String fragment) {
    JwtSecretException e = assertThrows(JwtSecretException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" should contain " + fragment);
  }

  private static JsonNode json(String base64Url) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(base64Url));
  }
}
