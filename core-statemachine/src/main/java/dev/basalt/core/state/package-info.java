/**
 * Canonical views of core state: a visitor that components describe themselves to, a digest
 * (the state hash) and a JSON rendering for {@code replay inspect}.
 *
 * <p>Invariants: a component describes its fields in a fixed order and collections in their
 * deterministic iteration order, so equal states always produce equal digests.
 */
package dev.basalt.core.state;
