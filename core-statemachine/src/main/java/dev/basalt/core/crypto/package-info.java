/**
 * Hash functions and signatures the protocol needs: Keccak-256 (BouncyCastle), SHA-256 (JDK) and
 * secp256k1 public-key recovery and deterministic (RFC 6979) signing.
 *
 * <p>Invariants: pure functions, no shared mutable state (every call uses its own digest and nonce
 * generator), so they are safe from any thread. Signature recovery never throws on a bad
 * signature: it answers an empty {@link java.util.Optional}, because invalid signatures are ordinary
 * input. Private keys never appear in {@code toString}.
 */
package dev.basalt.core.crypto;
