package dev.basalt.adapters.engine;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a Merkle-Patricia proof (the node list of {@code eth_getProof}) from a trie root to the
 * value stored under a key, as go-ethereum's {@code trie.VerifyProof}: nodes are found by their
 * keccak hash, nodes shorter than 32 bytes are embedded in their parent, and a path that leaves
 * the trie proves the key absent.
 */
final class MerkleProof {
  private static final int BRANCH_ITEMS = 17;

  private MerkleProof() {}

  /**
   * The value under {@code key} in the trie with root {@code root}, or empty when the proof shows
   * the key is absent.
   *
   * @throws MalformedResponseException when the proof is incomplete or not a trie path
   */
  static Optional<byte[]> value(Hash32 root, byte[] key, List<byte[]> proofNodes) {
    Map<Hash32, byte[]> byHash = new HashMap<>();
    for (byte[] node : proofNodes) {
      byHash.put(Keccak.hash(node), node);
    }
    byte[] nibbles = nibbles(key);
    byte[] node = lookup(byHash, root);
    int at = 0;
    try {
      while (true) {
        List<byte[]> items = items(node);
        byte[] child;
        if (items.size() == BRANCH_ITEMS) {
          if (at == nibbles.length) {
            byte[] v = new RlpReader(items.get(16)).readBytes();
            return v.length == 0 ? Optional.empty() : Optional.of(v);
          }
          child = items.get(nibbles[at++]);
        } else if (items.size() == 2) {
          byte[] compact = new RlpReader(items.get(0)).readBytes();
          byte[] path = pathOf(compact);
          if (!startsWith(nibbles, at, path)) {
            return Optional.empty();
          }
          at += path.length;
          if (isLeaf(compact)) {
            return at == nibbles.length ? Optional.of(new RlpReader(items.get(1)).readBytes()) : Optional.empty();
          }
          child = items.get(1);
        } else {
          throw new MalformedResponseException("proof node with " + items.size() + " items is not a trie node");
        }
        Optional<byte[]> next = resolve(byHash, child);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        node = next.get();
      }
    } catch (RlpException e) {
      throw new MalformedResponseException("proof node is not valid RLP: " + e.getMessage());
    }
  }

  /** A child reference: empty (no child), an embedded node, or the hash of a node in the proof. */
  private static Optional<byte[]> resolve(Map<Hash32, byte[]> byHash, byte[] childItem) {
    RlpReader r = new RlpReader(childItem);
    if (r.peekKind() == RlpReader.Kind.LIST) {
      return Optional.of(childItem);
    }
    byte[] ref = r.readBytes();
    if (ref.length == 0) {
      return Optional.empty();
    }
    if (ref.length != Hash32.LENGTH) {
      throw new MalformedResponseException("proof node reference of " + ref.length + " bytes");
    }
    return Optional.of(lookup(byHash, Hash32.wrap(ref)));
  }

  private static byte[] lookup(Map<Hash32, byte[]> byHash, Hash32 hash) {
    byte[] node = byHash.get(hash);
    if (node == null) {
      throw new MalformedResponseException("proof is missing trie node " + hash);
    }
    return node;
  }

  /** The raw RLP items of a node (a list). */
  private static List<byte[]> items(byte[] node) {
    RlpReader list = new RlpReader(node).readList();
    List<byte[]> out = new ArrayList<>(BRANCH_ITEMS);
    while (list.hasNext()) {
      out.add(list.readRaw().toArray());
    }
    return out;
  }

  private static byte[] nibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Hex-prefix encoding: the high nibble of byte 0 flags leaf (2) and odd length (1). */
  private static boolean isLeaf(byte[] compact) {
    return compact.length > 0 && ((compact[0] >> 4) & 0x02) != 0;
  }

  private static byte[] pathOf(byte[] compact) {
    if (compact.length == 0) {
      throw new MalformedResponseException("proof node with an empty path");
    }
    byte[] all = nibbles(compact);
    boolean odd = ((compact[0] >> 4) & 0x01) != 0;
    int skip = odd ? 1 : 2;
    byte[] out = new byte[all.length - skip];
    System.arraycopy(all, skip, out, 0, out.length);
    return out;
  }

  private static boolean startsWith(byte[] nibbles, int at, byte[] path) {
    if (nibbles.length - at < path.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (nibbles[at + i] != path[i]) {
        return false;
      }
    }
    return true;
  }
}
