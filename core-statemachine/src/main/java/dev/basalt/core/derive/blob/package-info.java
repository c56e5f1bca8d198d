/**
 * The OP Stack blob encoding, version 0 (spec {@code ecotone/derivation.md}, "Blob Encoding"; op-node
 * {@code op-service/eth/blob.go}): 4096 field elements of 32 bytes, 254 usable bits each, carrying
 * {@code version(0) ++ length(u24) ++ data} with at most {@link
 * dev.basalt.core.derive.blob.BlobCodec#MAX_DATA_BYTES} bytes of data.
 *
 * <p>Invariants: decoding is total over {@link dev.basalt.core.derive.blob.Blob} values (every
 * invalid blob is a {@link dev.basalt.core.derive.blob.BlobDecodeException} naming its {@link
 * dev.basalt.core.derive.blob.BlobDecodeException.Reason}); encode then decode is the identity for
 * every input up to the maximum size.
 */
package dev.basalt.core.derive.blob;
