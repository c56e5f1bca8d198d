/**
 * Hash functions and signature recovery the protocol needs: Keccak-256 (BouncyCastle), SHA-256
 * (JDK) and secp256k1 public-key recovery.
 *
 * <p>Invariants: pure functions, no shared mutable state (every call uses its own digest), so they
 * are safe from any thread.
 */
package dev.basalt.core.crypto;
