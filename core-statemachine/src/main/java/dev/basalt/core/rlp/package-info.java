/**
 * Strict RLP (Ethereum's Recursive Length Prefix) encoding and decoding.
 *
 * <p>Invariants: the reader accepts only canonical encodings, as go-ethereum's does: a single byte
 * below 0x80 is never wrapped, long forms are used only above 55 bytes and carry no leading zeros,
 * integers carry no leading zeros, and every length is checked against the bytes that remain.
 * Anything else is a {@link dev.basalt.core.rlp.RlpException} naming the offset.
 */
package dev.basalt.core.rlp;
