package dev.basalt.cli.flags;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's block-signing flags ({@code SignerArgs}, under P2P): a sequencer's local key or
 * remote op-signer. Parsed with kona's names and refused until sequencer mode exists.
 */
@Command(description = "Block signing (arrives with sequencer mode; refused when set)")
public final class SignerFlags {
  @Option(names = "--p2p.sequencer.key", paramLabel = "HEX", description = "Local block-signing key (hex).")
  @Env("KONA_NODE_P2P_SEQUENCER_KEY")
  String sequencerKey;

  @Option(names = "--p2p.sequencer.key.path", paramLabel = "FILE", description = "Local block-signing key file.")
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
}
