package dev.basalt.cli.flags;

import dev.basalt.adapters.sequencer.RemoteSignerOptions;
import dev.basalt.adapters.sequencer.SequencerKeys;
import dev.basalt.adapters.sequencer.SignerTls;
import dev.basalt.core.types.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import dev.basalt.core.crypto.SigningKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's block-signing flags ({@code SignerArgs}, under P2P): a sequencer's local key
 * (blocks are signed as op-node's {@code LocalSigner} signs) or a remote op-signer (as op-node's
 * {@code --signer.*}: JSON-RPC {@code opsigner_signBlockPayloadV2}, optional headers and mTLS; each
 * signature is checked against {@code --p2p.signer.address} before the block is gossiped).
 */
@Command(description = "Block signing: a local key or a remote op-signer")
public final class SignerFlags {
  @Option(names = "--p2p.sequencer.key", paramLabel = "HEX",
      description = "Local block-signing key (hex) for the sequencer's blocks; without it they are not signed or published.")
  @Env("KONA_NODE_P2P_SEQUENCER_KEY")
  String sequencerKey;

  @Option(names = "--p2p.sequencer.key.path", paramLabel = "FILE", description = "Local block-signing key file (hex).")
  @Env("KONA_NODE_P2P_SEQUENCER_KEY_PATH")
  Path sequencerKeyPath;

  @Option(names = {"--p2p.signer.endpoint", "--signer.endpoint"}, paramLabel = "URL", description = "Remote signer (op-signer) URL, http or https; needs --p2p.signer.address; excludes --p2p.sequencer.key[.path].")
  @Env("KONA_NODE_P2P_SIGNER_ENDPOINT")
  String signerEndpoint;

  @Option(names = {"--p2p.signer.address", "--signer.address"}, paramLabel = "ADDRESS", description = "Address the remote signer signs for; its signatures must recover to it or the block is not published.")
  @Env("KONA_NODE_P2P_SIGNER_ADDRESS")
  String signerAddress;

  @Option(names = {"--p2p.signer.header", "--signer.header"}, paramLabel = "KEY=VALUE", description = "HTTP header sent to the remote signer, KEY=VALUE (repeatable).")
  @Env("KONA_NODE_P2P_SIGNER_HEADER")
  List<String> signerHeaders;

  @Option(names = {"--p2p.signer.tls.ca", "--signer.tls.ca"}, paramLabel = "FILE", description = "PEM CA certificate(s) trusted for the remote signer's TLS (default: the JDK's trust store).")
  @Env("KONA_NODE_P2P_SIGNER_TLS_CA")
  Path tlsCa;

  @Option(names = {"--p2p.signer.tls.cert", "--signer.tls.cert"}, paramLabel = "FILE", description = "PEM client certificate for mTLS to the remote signer (with --p2p.signer.tls.key).")
  @Env("KONA_NODE_P2P_SIGNER_TLS_CERT")
  Path tlsCert;

  @Option(names = {"--p2p.signer.tls.key", "--signer.tls.key"}, paramLabel = "FILE", description = "PEM client key (PKCS#8, SEC1 EC or PKCS#1 RSA) for mTLS to the remote signer (with --p2p.signer.tls.cert).")
  @Env("KONA_NODE_P2P_SIGNER_TLS_KEY")
  Path tlsKey;

  /**
   * The local signing key, read now (a bad key refuses the start, naming the flag but never
   * repeating the key).
   */
  public Optional<SigningKey> key() {
    if (sequencerKey != null && sequencerKeyPath != null) {
      throw new FlagException("--p2p.sequencer.key and --p2p.sequencer.key.path cannot both be given");
    }
    try {
      if (sequencerKey != null) {
        return Optional.of(SequencerKeys.fromHex(sequencerKey, "--p2p.sequencer.key"));
      }
      if (sequencerKeyPath != null) {
        return Optional.of(SequencerKeys.fromFile(sequencerKeyPath, "--p2p.sequencer.key.path"));
      }
    } catch (IllegalArgumentException e) {
      throw new FlagException(e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The remote signer, checked now: the endpoint needs the address (kona), excludes a local key,
   * and every other {@code --p2p.signer.*} flag needs the endpoint; bad values are refused by name.
   */
  public Optional<RemoteSignerOptions> remote() {
    if (signerEndpoint == null) {
      remoteOnlyFlag().ifPresent(f -> {
        throw new FlagException(f + " needs --p2p.signer.endpoint");
      });
      return Optional.empty();
    }
    if (sequencerKey != null || sequencerKeyPath != null) {
      throw new FlagException("--p2p.signer.endpoint and " + (sequencerKey != null ? "--p2p.sequencer.key" : "--p2p.sequencer.key.path")
          + " cannot both be given: blocks are signed by the local key or the remote signer");
    }
    URI endpoint;
    try {
      endpoint = new URI(signerEndpoint);
    } catch (URISyntaxException e) {
      throw new FlagException("--p2p.signer.endpoint: not a URL: " + signerEndpoint);
    }
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
      throw new FlagException("--p2p.signer.endpoint: not an http(s) URL: " + signerEndpoint);
    }
    if (signerAddress == null) {
      throw new FlagException("--p2p.signer.endpoint needs --p2p.signer.address (the address the remote signer signs for)");
    }
    Address address;
    try {
      address = Address.fromHex(signerAddress);
    } catch (IllegalArgumentException e) {
      throw new FlagException("--p2p.signer.address: not an address: " + signerAddress);
    }
    Map<String, String> headers = new TreeMap<>();
    for (String h : signerHeaders == null ? List.<String>of() : signerHeaders) {
      int eq = h.indexOf('=');
      if (eq <= 0 || !h.substring(0, eq).trim().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new FlagException("--p2p.signer.header: not KEY=VALUE with a valid header name: " + h);
      }
      headers.put(h.substring(0, eq).trim(), h.substring(eq + 1).trim());
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new FlagException("--p2p.signer.tls.cert and --p2p.signer.tls.key go together: give both or neither");
    }
    RemoteSignerOptions options = new RemoteSignerOptions(endpoint, address, headers, Optional.ofNullable(tlsCa),
        Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), RemoteSignerOptions.DEFAULT_TIMEOUT);
    try {
      SignerTls.context(options);
    } catch (IllegalArgumentException e) {
      throw new FlagException(e.getMessage());
    }
    return Optional.of(options);
  }

  private Optional<String> remoteOnlyFlag() {
    return signerAddress != null ? Optional.of("--p2p.signer.address")
        : signerHeaders != null && !signerHeaders.isEmpty() ? Optional.of("--p2p.signer.header")
        : tlsCa != null ? Optional.of("--p2p.signer.tls.ca")
        : tlsCert != null ? Optional.of("--p2p.signer.tls.cert")
        : tlsKey != null ? Optional.of("--p2p.signer.tls.key") : Optional.empty();
  }

  /** Which signing flag was given, for the "only with a sequencer" refusal. */
  public Optional<String> given() {
    return sequencerKey != null ? Optional.of("--p2p.sequencer.key")
        : sequencerKeyPath != null ? Optional.of("--p2p.sequencer.key.path")
        : signerEndpoint != null ? Optional.of("--p2p.signer.endpoint") : remoteOnlyFlag();
  }
}
