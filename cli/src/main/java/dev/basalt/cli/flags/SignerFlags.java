package dev.basalt.cli.flags;

import dev.basalt.adapters.sequencer.SequencerKeys;
import dev.basalt.core.crypto.SigningKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's block-signing flags ({@code SignerArgs}, under P2P): a sequencer's local key
 * (wired: blocks are signed as op-node's {@code LocalSigner} signs) or remote op-signer (refused
 * until implemented, see {@link NotYetWired}).
 */
@Command(description = "Block signing (the remote op-signer flags are refused when set)")
public final class SignerFlags {
  @Option(names = "--p2p.sequencer.key", paramLabel = "HEX",
      description = "Local block-signing key (hex) for the sequencer's blocks; without it they are not signed or published.")
  @Env("KONA_NODE_P2P_SEQUENCER_KEY")
  String sequencerKey;

  @Option(names = "--p2p.sequencer.key.path", paramLabel = "FILE", description = "Local block-signing key file (hex).")
  @Env("KONA_NODE_P2P_SEQUENCER_KEY_PATH")
  Path sequencerKeyPath;

  @Option(names = {"--p2p.signer.endpoint", "--signer.endpoint"}, paramLabel = "URL", description = "Remote signer (op-signer) URL.")
  @Env("KONA_NODE_P2P_SIGNER_ENDPOINT")
  String signerEndpoint;

  @Option(names = {"--p2p.signer.address", "--signer.address"}, paramLabel = "ADDRESS", description = "Address the remote signer signs for.")
  @Env("KONA_NODE_P2P_SIGNER_ADDRESS")
  String signerAddress;

  @Option(names = {"--p2p.signer.header", "--signer.header"}, paramLabel = "KEY=VALUE", description = "Header for the remote signer (repeatable).")
  @Env("KONA_NODE_P2P_SIGNER_HEADER")
  List<String> signerHeaders;

  @Option(names = {"--p2p.signer.tls.ca", "--signer.tls.ca"}, paramLabel = "FILE", description = "CA of the remote signer's TLS.")
  @Env("KONA_NODE_P2P_SIGNER_TLS_CA")
  Path tlsCa;

  @Option(names = {"--p2p.signer.tls.cert", "--signer.tls.cert"}, paramLabel = "FILE", description = "Client certificate for the remote signer.")
  @Env("KONA_NODE_P2P_SIGNER_TLS_CERT")
  Path tlsCert;

  @Option(names = {"--p2p.signer.tls.key", "--signer.tls.key"}, paramLabel = "FILE", description = "Client key for the remote signer.")
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

  /** Which signing flag was given, for the "only with a sequencer" refusal. */
  public Optional<String> given() {
    return sequencerKey != null ? Optional.of("--p2p.sequencer.key")
        : sequencerKeyPath != null ? Optional.of("--p2p.sequencer.key.path") : Optional.empty();
  }
}
