package dev.basalt.core.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatriciaTrieTest {
  private static PatriciaTrie.Entry entry(String key, String value) {
    return new PatriciaTrie.Entry(
        Bytes.of(key.getBytes(StandardCharsets.UTF_8)), Bytes.of(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void emptyTrieRootIsKeccakOfRlpEmptyString() {
    assertEquals(
        "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", PatriciaTrie.root(List.of()).toHex());
    assertEquals(PatriciaTrie.EMPTY_ROOT, OrderedTrie.root(List.of()));
  }

  // Roots from go-ethereum's trie tests (TestInsert) and ethereum/tests trietest.json.
  @Test
  void matchesGoEthereumTrieVectors() {
    assertEquals(
        Hash32.fromHex("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"),
        PatriciaTrie.root(List.of(entry("doe", "reindeer"), entry("dog", "puppy"), entry("dogglesworth", "cat"))));
    assertEquals(
        Hash32.fromHex("0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab"),
        PatriciaTrie.root(List.of(entry("A", "a".repeat(50)))));
    // "do" is a prefix of "dog" and "doge": a branch that holds a value.
    assertEquals(
        Hash32.fromHex("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"),
        PatriciaTrie.root(
            List.of(entry("do", "verb"), entry("horse", "stallion"), entry("doge", "coin"), entry("dog", "puppy"))));
    assertEquals(
        Hash32.fromHex("0x3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b"),
        PatriciaTrie.root(List.of(entry("be", "e"), entry("dog", "puppy"), entry("bed", "d"))));
  }

  @Test
  void hexPrefixMatchesTheYellowPaperExamples() {
    assertEquals("0x112345", Hex.encode(PatriciaTrie.hexPrefix(new byte[] {1, 2, 3, 4, 5}, false)));
    assertEquals("0x00012345", Hex.encode(PatriciaTrie.hexPrefix(new byte[] {0, 1, 2, 3, 4, 5}, false)));
    assertEquals("0x200f1cb8", Hex.encode(PatriciaTrie.hexPrefix(new byte[] {0, 0xf, 1, 0xc, 0xb, 8}, true)));
    assertEquals("0x3f1cb8", Hex.encode(PatriciaTrie.hexPrefix(new byte[] {0xf, 1, 0xc, 0xb, 8}, true)));
    assertEquals("0x20", Hex.encode(PatriciaTrie.hexPrefix(new byte[0], true)));
  }

  @Test
  void rootDoesNotDependOnInputOrder() {
    SplittableRandom random = new SplittableRandom(3);
    List<PatriciaTrie.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] key = new byte[1 + random.nextInt(6)];
      random.nextBytes(key);
      key[0] = (byte) i; // distinct first bytes mod 256, plus a counter, keep keys unique
      byte[] value = new byte[1 + random.nextInt(40)];
      random.nextBytes(value);
      byte[] unique = new byte[key.length + 2];
      System.arraycopy(key, 0, unique, 0, key.length);
      unique[key.length] = (byte) (i >>> 8);
      unique[key.length + 1] = (byte) i;
      entries.add(new PatriciaTrie.Entry(Bytes.of(unique), Bytes.of(value)));
    }
    Hash32 root = PatriciaTrie.root(entries);
    Collections.shuffle(entries, new java.util.Random(5));
    assertEquals(root, PatriciaTrie.root(entries));
  }

  @Test
  void rejectsDuplicateKeysAndEmptyValues() {
    assertThrows(IllegalArgumentException.class, () -> PatriciaTrie.root(List.of(entry("a", "1"), entry("a", "2"))));
    assertThrows(IllegalArgumentException.class, () -> PatriciaTrie.root(List.of(entry("a", ""))));
  }

  @Test
  void orderedTrieKeysAreRlpOfTheIndex() {
    assertEquals("0x80", OrderedTrie.indexKey(0).toHex());
    assertEquals("0x7f", OrderedTrie.indexKey(127).toHex());
    assertEquals("0x8180", OrderedTrie.indexKey(128).toHex());
    assertEquals("0x820100", OrderedTrie.indexKey(256).toHex());
  }
}
