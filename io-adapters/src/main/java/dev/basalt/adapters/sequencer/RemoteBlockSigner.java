package dev.basalt.adapters.sequencer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs blocks through op-signer ({@code --p2p.signer.endpoint}), as op-node's {@code
 * RemoteSigner}: JSON-RPC {@code opsigner_signBlockPayloadV2} with one argument object {@code
 * {domain, chainId, payloadHash, senderAddress}} (32-byte hex domain, all zero for blocks; the chain
 * id as a decimal string; the 32-byte payload hash; the sender address), answered by the 65-byte
 * signature as hex. An answer of the form {@code {"signature": "0x.."}} (kona's test signers) is
 * read too. Every signature is checked to recover to the configured address before it is used, so
 * a misconfigured or compromised signer cannot make this node gossip blocks its peers reject.
 * Blocking: one call per block, on the caller's thread.
 */
public final class RemoteBlockSigner implements BlockSigner {
  static final String METHOD = "opsigner_signBlockPayloadV2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ZERO_DOMAIN = "0x" + "00".repeat(32);

  private final RemoteSignerOptions options;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  public RemoteBlockSigner(RemoteSignerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.timeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    SignerTls.context(options).ifPresent(b::sslContext);
    this.http = b.build();
  }

  @Override
  public Address address() {
    return options.address();
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public Bytes sign(BlockMessage message) {
    HttpRequest.Builder req = HttpRequest.newBuilder(options.endpoint())
        .timeout(options.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody(message)));
    options.headers().forEach(req::header);
    HttpResponse<String> response;
    try {
      response = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("op-signer at " + options.endpoint() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for op-signer", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("op-signer answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
    }
    Bytes signature = normalised(signatureOf(response.body()));
    checkSigner(message.signingHash(), signature);
    return signature;
  }

  private String requestBody(BlockMessage m) {
    ObjectNode args = JSON.createObjectNode();
    args.put("domain", ZERO_DOMAIN);
    args.put("chainId", Long.toUnsignedString(m.chainId()));
    args.put("payloadHash", m.payloadHash().toHex());
    args.put("senderAddress", options.address().toHex());
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", ids.incrementAndGet());
    body.put("method", METHOD);
    body.putArray("params").add(args);
    return body.toString();
  }

  private static Bytes signatureOf(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("op-signer answered something that is not JSON: " + abbreviate(body));
    }
    JsonNode error = root == null ? null : root.get("error");
    if (error != null && !error.isNull()) {
      throw new IllegalStateException("op-signer refused: " + error.path("code").asText() + " " + error.path("message").asText());
    }
    JsonNode result = root == null ? null : root.get("result");
    if (result != null && result.isObject()) {
      result = result.get("signature");
    }
    if (result == null || !result.isTextual()) {
      throw new IllegalStateException("op-signer answered no signature: " + abbreviate(body));
    }
    Bytes sig;
    try {
      sig = Bytes.fromHex(result.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("op-signer's signature is not hex: " + abbreviate(result.asText()));
    }
    if (sig.length() != 65) {
      throw new IllegalStateException("op-signer's signature has " + sig.length() + " bytes, not 65");
    }
    return sig;
  }

  /** {@code v} as gossip carries it: the recovery id 0 or 1 (a signer may answer 27 or 28). */
  private static Bytes normalised(Bytes sig) {
    byte[] raw = sig.toArray();
    if (raw[64] == 27 || raw[64] == 28) {
      raw[64] -= 27;
    }
    return Bytes.wrapOwned(raw);
  }

  private void checkSigner(Hash32 signingHash, Bytes sig) {
    byte[] raw = sig.toArray();
    int v = raw[64];
    Optional<Address> signer = v == 0 || v == 1
        ? Secp256k1.recoverAddress(signingHash, v, new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)))
        : Optional.empty();
    if (signer.isEmpty()) {
      throw new IllegalStateException("op-signer's signature is not a valid secp256k1 signature of the block");
    }
    if (!signer.get().equals(options.address())) {
      throw new IllegalStateException("op-signer signed with " + signer.get() + ", not --p2p.signer.address " + options.address());
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  @Override
  public String toString() {
    return "RemoteBlockSigner(" + options.address() + " at " + options.endpoint() + ")";
  }
}
