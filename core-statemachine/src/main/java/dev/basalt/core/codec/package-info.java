/**
 * Hand-written binary encoding primitives: a growable big-endian writer and a bounds-checked
 * reader, plus codecs for the core's own value types and state snapshots.
 *
 * <p>Invariants: no reflection; every length read from input is checked against the bytes that
 * remain before anything is allocated, so corrupt input can never cause a huge allocation; a
 * decoding failure is a {@link dev.basalt.core.codec.DecodeException} naming the offset.
 */
package dev.basalt.core.codec;
