package dev.basalt.adapters.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The op-signer client against a loopback op-signer: the request carries op-signer's V2 argument
 * object and the configured headers, the answer is checked to recover to the configured address,
 * and every failure (RPC error, HTTP error, malformed answer, silence, another key) is an
 * exception the publishing port turns into "not published".
 */
class RemoteBlockSignerTest {
  static final SigningKey KEY = SequencerKeys.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "test");
  static final SigningKey OTHER = SequencerKeys.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "test");

  private FakeOpSigner server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpSigner(KEY);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private RemoteBlockSigner signer(Address address, Map<String, String> headers, Duration timeout) {
    return new RemoteBlockSigner(new RemoteSignerOptions(server.url("http"), address, headers, Optional.empty(), Optional.empty(),
        Optional.empty(), timeout));
  }

  @Test
  void theSignatureRecoversToTheSequencerAndHeadersArrive() {
    RemoteBlockSigner signer = signer(KEY.address(), Map.of("Authorization", "Bearer t0ken", "X-Client", "basalt"), Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      BlockMessage m = BlockMessage.of(10 + i, Keccak.hash(new byte[] {(byte) i}));
      Bytes sig = signer.sign(m);
      byte[] raw = sig.toArray();
      assertEquals(65, raw.length);
      assertEquals(Optional.of(KEY.address()), Secp256k1.recoverAddress(m.signingHash(), raw[64],
          new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)), new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
      JsonNode request = server.requests.stream().reduce((a, b) -> b).orElseThrow();
      assertEquals("opsigner_signBlockPayloadV2", request.get("method").asText());
      JsonNode args = request.get("params").get(0);
      assertEquals(Long.toString(10 + i), args.get("chainId").asText());
      assertEquals(m.payloadHash().toHex(), args.get("payloadHash").asText());
      assertEquals(KEY.address().toHex(), args.get("senderAddress").asText());
    }
    assertEquals(5, server.headers.size());
    server.headers.forEach(h -> {
      assertEquals("Bearer t0ken", h.get("authorization"));
      assertEquals("basalt", h.get("x-client"));
      assertEquals("application/json", h.get("content-type"));
    });
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    RemoteBlockSigner signer = signer(OTHER.address(), Map.of(), Duration.ofSeconds(5));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> signer.sign(BlockMessage.of(10, Keccak.hash(new byte[] {1}))));
    assertTrue(e.getMessage().contains("not --p2p.signer.address"), e.getMessage());
  }

  @Test
  void failuresAreExceptionsNamingTheCause() {
    RemoteBlockSigner signer = signer(KEY.address(), Map.of(), Duration.ofMillis(500));
    BlockMessage m = BlockMessage.of(10, Keccak.hash(new byte[] {2}));
    server.mode = FakeOpSigner.Mode.RPC_ERROR;
    assertTrue(assertThrows(IllegalStateException.class, () -> signer.sign(m)).getMessage().contains("signer unavailable"));
    server.mode = FakeOpSigner.Mode.HTTP_500;
    assertTrue(assertThrows(IllegalStateException.class, () -> signer.sign(m)).getMessage().contains("HTTP 500"));
    server.mode = FakeOpSigner.Mode.SHORT_SIGNATURE;
    assertTrue(assertThrows(IllegalStateException.class, () -> signer.sign(m)).getMessage().contains("not 65"));
    server.mode = FakeOpSigner.Mode.HANG;
    assertTrue(assertThrows(IllegalStateException.class, () -> signer.sign(m)).getMessage().contains("unreachable"));
    server.mode = FakeOpSigner.Mode.SIGN;
    assertEquals(65, signer.sign(m).length(), "the signer recovers once op-signer answers again");
  }
}
