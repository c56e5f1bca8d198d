/**
 * Channel reading: a channel's assembled frame data is decompressed (zlib, or from Fjord brotli
 * behind version byte 0x01) and read as a sequence of RLP byte strings, each one typed batch
 * (derivation spec "Channel Format", {@code fjord/derivation.md} "Brotli Channel Compression";
 * op-node {@code BatchReader} + {@code ChannelInReader}).
 *
 * <p>Invariants: {@link dev.basalt.core.derive.channel.ChannelBatchReader} never pulls more than
 * {@code MAX_RLP_BYTES_PER_CHANNEL} decompressed bytes out of a channel, allocates in proportion
 * to bytes actually decompressed (never to a length the data merely claims), and turns every
 * failure - unknown compression, corrupt or truncated stream, the byte limit, malformed RLP, a
 * malformed or unknown batch - into an end of the channel after the batches already read.
 */
package dev.basalt.core.derive.channel;
