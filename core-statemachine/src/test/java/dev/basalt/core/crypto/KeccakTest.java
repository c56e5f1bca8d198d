package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeccakTest {
  @Test
  void matchesKnownEthereumHashes() {
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak.hash(new byte[0]).toHex());
    // keccak256(rlp("")) is the empty trie root.
    assertEquals(
        "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", Keccak.hash(new byte[] {(byte) 0x80}).toHex());
    // TransactionDeposited(address,address,uint256,bytes) topic.
    assertEquals(
        "0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32",
        Keccak.hash("TransactionDeposited(address,address,uint256,bytes)".getBytes()).toHex());
  }
}
