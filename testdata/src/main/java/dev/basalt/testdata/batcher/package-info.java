/**
 * A batcher for generated test chains: packs batches into compressed channels (zlib or brotli),
 * splits channels into frames under a maximum frame size, and packs frames into calldata payloads
 * or blobs, the way op-batcher does. Signing the resulting L1 transactions comes later.
 *
 * <p>Invariants: everything produced here is read back by the core's own decoders in the tests
 * ({@code dev.basalt.core.derive}); outputs depend only on the inputs (channel ids are passed in,
 * never drawn from an unseeded source).
 */
package dev.basalt.testdata.batcher;
