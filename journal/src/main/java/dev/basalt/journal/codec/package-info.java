/**
 * Hand-written, versioned binary codecs for everything the journal stores: every input event,
 * every command (inside output records), their nested values, and the journal header.
 *
 * <p>Invariants: no reflection; every top-level type has a stable numeric tag that is never
 * reused and a version byte, and a decoder rejects an unknown tag or a version newer than it
 * knows with a {@link dev.basalt.core.codec.DecodeException}; enums are written as explicit
 * codes, never ordinals; dispatch over sealed types is an exhaustive {@code switch}, so adding a
 * type without a codec does not compile; counts and lengths read from input are bounded by the
 * bytes that remain.
 */
package dev.basalt.journal.codec;
