package dev.basalt.core.l1info;

import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What the L1-attributes deposit needs from the L1 origin block's header.
 *
 * @param number L1 block number
 * @param timestamp L1 block time, seconds
 * @param baseFee the header's base fee per gas (u256)
 * @param hash the L1 block hash
 * @param blobBaseFee the block's blob base fee (see {@link BlobBaseFee}); {@link
 *     BlobBaseFee#MIN_BLOB_BASE_FEE} when the header has no {@code excessBlobGas}, as op-node does
 */
public record L1OriginFields(long number, long timestamp, BigInteger baseFee, Hash32 hash, BigInteger blobBaseFee) {
  public L1OriginFields {
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(blobBaseFee, "blobBaseFee");
  }
}
