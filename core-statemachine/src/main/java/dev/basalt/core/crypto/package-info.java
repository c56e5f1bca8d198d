/**
 * Hash functions and signatures the protocol needs: Keccak-256, SHA-256 (JDK) and secp256k1
 * public-key recovery and deterministic (RFC 6979) signing.
 *
 * <p>Keccak-256 ({@code Keccak256}) and the secp256k1 curve arithmetic ({@code Secp256k1Field},
 * {@code Secp256k1Point}, {@code Secp256k1Recovery}: four 64-bit limbs, GLV endomorphism,
 * interleaved wNAF, precomputed multiples of G, safegcd inversion in {@code ModularInverse}) are
 * Basalt's own, written for speed because sender
 * recovery and hashing dominate derivation's cost; tests check them against BouncyCastle
 * ({@link dev.basalt.core.crypto.ReferenceRecovery}, {@code KeccakDigest}) on seeded random,
 * boundary and malformed inputs. So are the RFC 6979 nonces ({@code Rfc6979Nonces}: HMAC-SHA256 over
 * the JDK's SHA-256, checked against BouncyCastle's {@code HMacDSAKCalculator}), scalar arithmetic
 * mod n on limbs ({@code Secp256k1Scalar}, checked against {@link java.math.BigInteger}) and the
 * fixed-base tables of G and of known signers ({@code FixedBaseTable}, {@code KnownSigner}).
 *
 * <p>Invariants: pure functions, no shared mutable state (every call uses its own digest, cloned
 * from a prototype that is never updated, its own nonce generator and scratch space; the tables of
 * G are built once and never written again), so they are safe from any thread. Signature recovery
 * never throws on a bad signature: it answers an empty {@link java.util.Optional}, because invalid
 * signatures are ordinary input. Private keys never appear in {@code toString}.
 */
package dev.basalt.core.crypto;
