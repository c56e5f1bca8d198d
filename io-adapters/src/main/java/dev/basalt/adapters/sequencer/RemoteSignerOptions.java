package dev.basalt.adapters.sequencer;

import dev.basalt.core.types.Address;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to reach op-signer ({@code --p2p.signer.*}): its URL, the address it must sign for, extra
 * HTTP headers, and the mTLS files (the CA that signed its certificate; this node's certificate
 * and key, both or neither).
 */
public record RemoteSignerOptions(URI endpoint, Address address, Map<String, String> headers, Optional<Path> tlsCa,
    Optional<Path> tlsCert, Optional<Path> tlsKey, Duration timeout) {
  /** op-signer-mon's and op-node's order of magnitude: longer than a signing, shorter than a block. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public RemoteSignerOptions {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(address, "address");
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    Objects.requireNonNull(tlsCa, "tlsCa");
    Objects.requireNonNull(tlsCert, "tlsCert");
    Objects.requireNonNull(tlsKey, "tlsKey");
    Objects.requireNonNull(timeout, "timeout");
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("the client certificate and its key go together (--p2p.signer.tls.cert and --p2p.signer.tls.key)");
    }
  }

  /** Plain HTTP(S) with the default timeout and no headers or client certificate. */
  public static RemoteSignerOptions of(URI endpoint, Address address) {
    return new RemoteSignerOptions(endpoint, address, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT);
  }
}
