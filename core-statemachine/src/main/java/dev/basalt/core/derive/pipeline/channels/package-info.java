/**
 * Channels: frames assembled into complete channels (op-node {@code channel.go}, {@code
 * channel_bank.go} before Holocene, {@code channel_assembler.go} from Holocene, switched by {@code
 * channel_mux.go}) and read into batches ({@code channel_in_reader.go}).
 *
 * <p>Invariants: the channel bank is bounded by {@code MAX_CHANNEL_BANK_SIZE} of its fork and the
 * assembler by one channel of at most {@code MAX_RLP_BYTES_PER_CHANNEL}; channels time out after
 * the channel timeout of the current origin's fork; the reader holds at most one channel and never
 * decompresses more than the fork's RLP byte limit from it; nothing here throws on bad input.
 */
package dev.basalt.core.derive.pipeline.channels;
