/**
 * Plain files next to the Chronicle queues: atomic small-file writes and the snapshot store.
 *
 * <p>Invariants: a file written here is replaced atomically (temporary sibling, fsync, rename,
 * directory fsync), so a crash leaves the old or the new content, never a mix; every file carries
 * a magic, a version and a CRC32C, and one that fails them is skipped with a warning, never
 * trusted.
 */
package dev.basalt.journal.file;
