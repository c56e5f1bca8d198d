/**
 * Record framing: the byte layout of one journal record (kind, type tag, version, sequence number,
 * ingest time, payload length, payload, CRC32C) as pure functions over byte arrays, and the
 * sequence checks between consecutive records.
 *
 * <p>Invariants: a record that decodes passed every check (lengths, CRC32C over all preceding
 * bytes, known kind and tag, supported version, well-formed payload with no trailing bytes); any
 * failure is a {@link dev.basalt.journal.JournalCorruptException} naming the stream and the
 * record's index; no length read from a record is trusted before it is compared with the bytes
 * actually present.
 */
package dev.basalt.journal.frame;
