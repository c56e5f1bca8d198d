/**
 * Noise XX ({@code Noise_XX_25519_ChaChaPoly_SHA256}) as libp2p's {@code /noise} uses it: X25519
 * (BouncyCastle's RFC 7748 code), ChaCha20-Poly1305 and SHA-256 from the JDK, every message framed
 * with a 2-byte big-endian length, and the libp2p handshake payload that binds the Noise static
 * key to the node's secp256k1 identity ({@code identity_sig} over {@code
 * "noise-libp2p-static-key:" ++ static key}).
 *
 * <p>Invariants: a handshake only completes when the remote proved a secp256k1 identity whose
 * signature verifies (and, when dialing a known peer ID, that ID); no frame exceeds 65535 bytes;
 * a nonce is never reused (a cipher state refuses to go past 2^64 − 1 messages).
 */
package dev.basalt.adapters.p2p.noise;
