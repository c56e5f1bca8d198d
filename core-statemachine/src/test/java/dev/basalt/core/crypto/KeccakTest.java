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

  private static byte[] bouncyCastle(byte[] data, int offset, int length) {
    org.bouncycastle.crypto.digests.KeccakDigest digest = new org.bouncycastle.crypto.digests.KeccakDigest(256);
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  @Test
  void matchesBouncyCastleOnEveryLengthAroundTheRateAndOnRandomInputs() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int length = 0; length < 700; length++) {
      byte[] data = new byte[length + 9];
      random.nextBytes(data);
      int offset = length % 9;
      org.junit.jupiter.api.Assertions.assertArrayEquals(bouncyCastle(data, offset, length),
          Keccak.hash(data, offset, length).toArray(), "length " + length);
    }
    for (int i = 0; i < 300; i++) {
      byte[] data = new byte[random.nextInt(20_000)];
      random.nextBytes(data);
      org.junit.jupiter.api.Assertions.assertArrayEquals(bouncyCastle(data, 0, data.length), Keccak.hash(data).toArray());
      byte[] a = java.util.Arrays.copyOf(data, data.length / 3);
      byte[] b = java.util.Arrays.copyOfRange(data, data.length / 3, data.length);
      assertEquals(Keccak.hash(data), Keccak.hash(a, b));
    }
  }

  @Test
  void outOfRangeSlicesAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> Keccak.hash(new byte[4], 2, 3));
  }
}
