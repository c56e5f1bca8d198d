package dev.basalt.testdata.world.l1;

/**
 * How the world makes its blobs' KZG commitments and proofs.
 *
 * <p>{@link #REAL}: c-kzg-4844 with the mainnet setup (see {@link Kzg}), for worlds a real node
 * talks to over the beacon API and checks. A commitment costs a 4096-point multi-scalar
 * multiplication (milliseconds each) and loading the setup about two seconds per process.
 *
 * <p>{@link #PSEUDO}: 48 bytes derived from keccak256 of the blob, for in-process simulations whose
 * node never sees a commitment or proof (the core is handed the blob and the transaction's
 * versioned hashes; KZG verification belongs to the beacon adapter). Versioned hashes stay {@code
 * 0x01 ‖ sha256(commitment)[1:]}, so transactions and sidecars remain consistent, and the values
 * are the same on every platform (the real library may not load everywhere).
 */
public enum BlobCommitments {
  REAL,
  PSEUDO
}
