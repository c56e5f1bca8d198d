/**
 * Immutable protocol value types: hashes, addresses, byte strings and block references.
 *
 * <p>Invariants: every type here is immutable, compares by content (never by identity) and never
 * exposes an internal array. Arrays are copied on the way in and on the way out, so a value can be
 * shared freely between the core thread and adapters.
 */
package dev.basalt.core.types;
