/**
 * The beacon (blob) adapter: answers {@code FetchBlobs} with the blobs of an L1 block, fetched
 * from the beacon API of a consensus node ({@code --l1-beacon}) or, in order, its fallbacks
 * ({@code --l1.beacon-fallbacks}, typically blob archivers).
 *
 * <p>Per endpoint it asks {@code /eth/v1/beacon/blob_sidecars/{slot}?indices=..} first (the
 * sidecar's KZG proof makes the blob check cheap, ~2 ms) and, when that endpoint has no sidecars
 * for the slot or no longer serves that route (Fulu deprecates it), {@code
 * /eth/v1/beacon/blobs/{slot}?versioned_hashes=..}, whose blobs come without commitments and are
 * checked by recomputing each commitment (~50 ms a blob). The slot is {@code (timestamp -
 * genesis) / SECONDS_PER_SLOT}, both read once from the beacon node unless the slot duration is
 * overridden.
 *
 * <p>Invariants: every returned blob is the one its versioned hash names ({@code 0x01 ||
 * sha256(commitment)[1:]}, with the commitment proven to belong to the blob by KZG); blobs come
 * back in the order asked for; {@code --l1.beacon-header} goes to the primary endpoint only, never
 * to fallbacks (as in op-node: a credential for one provider is not sent to another); a block
 * whose blobs no endpoint has is {@code NOT_FOUND}, a blob that fails its check {@code
 * INVALID_RESPONSE} (after trying the other endpoints).
 */
package dev.basalt.adapters.beacon;
