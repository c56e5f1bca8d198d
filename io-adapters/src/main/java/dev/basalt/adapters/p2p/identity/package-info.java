/**
 * libp2p identities: secp256k1 key pairs (the key op-node keeps in {@code --p2p.priv.path}, also
 * the discv5 node key), the protobuf {@code PublicKey} encoding, peer IDs (identity multihash of
 * that encoding, base58btc text {@code 16Uiu2…}) and libp2p signatures (ECDSA over SHA-256, DER).
 *
 * <p>Invariants: a {@link dev.basalt.adapters.p2p.identity.PeerId} always decodes to a valid public key
 * or carries a SHA-256 multihash of one; signatures we make are low-S; private keys never appear in
 * {@code toString}.
 */
package dev.basalt.adapters.p2p.identity;
