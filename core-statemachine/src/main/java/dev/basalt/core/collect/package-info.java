/**
 * Small collections the core's hot paths use instead of boxed, pointer-chasing JDK maps.
 *
 * <p>Invariants: deterministic — iteration order is a function of the contents alone (keys
 * ascending), never of hashing or insertion history; single-threaded like the rest of the core.
 */
package dev.basalt.core.collect;
