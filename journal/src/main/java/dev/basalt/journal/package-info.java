/**
 * The journal: every input event the core sees, every command it emitted, and periodic state
 * snapshots, behind our own interface ({@link dev.basalt.journal.Journal}) so the storage engine
 * (Chronicle Queue in production, memory in tests) can be swapped.
 *
 * <p>Invariants: input sequence numbers are contiguous from the journal's first retained record;
 * every record carries a type tag, a codec version, its length and a CRC32C, and a record that
 * fails any check is reported with its index, never silently skipped; an input is durable in the
 * journal before the core applies it.
 */
package dev.basalt.journal;
