package dev.basalt.core.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.rlp.RlpException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TxCodecTest {
  // The worked example of EIP-155 (chain id 1, key 0x46..46).
  private static final String EIP155_TX =
      "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
          + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
          + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
  private static final SigningKey KEY_46 = SigningKey.fromHex("46".repeat(32));

  @Test
  void decodesTheEip155Example() {
    byte[] raw = Hex.decode(EIP155_TX);
    SignedTx signed = assertInstanceOf(SignedTx.class, TxCodec.decode(raw));
    LegacyTx tx = assertInstanceOf(LegacyTx.class, signed.tx());
    assertEquals(BigInteger.ONE, tx.chainId());
    assertEquals(9, tx.nonce());
    assertEquals(BigInteger.valueOf(20_000_000_000L), tx.gasPrice());
    assertEquals(21_000, tx.gasLimit());
    assertEquals(Address.fromHex("0x3535353535353535353535353535353535353535"), tx.to());
    assertEquals(new BigInteger("1000000000000000000"), tx.value());
    assertEquals(Bytes.EMPTY, tx.data());
    assertEquals(BigInteger.valueOf(37), tx.v());
    assertEquals("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", signed.signingHash().toHex());
    assertEquals(Keccak.hash(raw), signed.hash());
    assertEquals(Optional.of(KEY_46.address()), signed.sender());
    assertArrayEquals(raw, TxCodec.encode(tx));
  }

  @Test
  void signingReproducesTheEip155Example() {
    LegacyTx unsigned =
        new LegacyTx(
            BigInteger.ONE, 9, BigInteger.valueOf(20_000_000_000L), 21_000,
            Address.fromHex("0x3535353535353535353535353535353535353535"), new BigInteger("1000000000000000000"),
            Bytes.EMPTY, TxCodec.placeholderSignature());
    assertEquals(EIP155_TX, Hex.encode(TxCodec.encode(TxCodec.sign(unsigned, KEY_46))));
  }

  @Test
  void unprotectedLegacyHasNoChainId() {
    LegacyTx tx =
        TxCodec.sign(
            new LegacyTx(null, 0, BigInteger.TEN, 21_000, null, BigInteger.ZERO, Bytes.of(new byte[] {0x60}),
                TxCodec.placeholderSignature()),
            KEY_46);
    SignedTx decoded = (SignedTx) TxCodec.decode(TxCodec.encode(tx));
    assertNull(decoded.tx().chainId());
    assertNull(decoded.tx().to(), "creation");
    assertTrue(((LegacyTx) decoded.tx()).v().intValue() == 27 || ((LegacyTx) decoded.tx()).v().intValue() == 28);
    assertEquals(Optional.of(KEY_46.address()), decoded.sender());
  }

  @Test
  void futureTypesAndDepositsAreUnknownTypeValues() {
    for (int type : new int[] {0x05, 0x06, 0x7d, 0x7e, 0x7f}) {
      byte[] raw = {(byte) type, (byte) 0xc0};
      UnknownTypeTx unknown = assertInstanceOf(UnknownTypeTx.class, TxCodec.decode(raw));
      assertEquals(type, unknown.typeByte());
      assertEquals(Keccak.hash(raw), unknown.hash());
      assertEquals(type == 0x7e, unknown.isDeposit());
    }
    // The type alone is enough: the payload of an unknown type is not inspected.
    assertInstanceOf(UnknownTypeTx.class, TxCodec.decode(new byte[] {0x42}));
  }

  @Test
  void rejectsBytesThatAreNotATransaction() {
    assertThrows(DecodeException.class, () -> TxCodec.decode(new byte[0]));
    assertThrows(DecodeException.class, () -> TxCodec.decode(new byte[] {0x00, (byte) 0xc0}));
    assertThrows(DecodeException.class, () -> TxCodec.decode(new byte[] {(byte) 0x80}));
    assertThrows(DecodeException.class, () -> TxCodec.decode(new byte[] {(byte) 0xb8, 0x01}));
    assertThrows(RlpException.class, () -> TxCodec.decode(Hex.decode(EIP155_TX + "00")), "trailing byte");
    assertThrows(RlpException.class, () -> TxCodec.decode(Hex.decode(EIP155_TX.substring(0, 60))), "truncated");
    assertThrows(RlpException.class, () -> TxCodec.decode(new byte[] {0x02, (byte) 0xc0}), "no fields");
  }

  @Test
  void rejectsAnImpossibleLegacyV() {
    // v = 29 is neither 27/28 nor an EIP-155 value.
    String v29 = EIP155_TX.replace("8025a028ef", "801da028ef");
    assertThrows(DecodeException.class, () -> TxCodec.decode(Hex.decode(v29)));
  }

  @Test
  void typedTransactionsRoundTripAndRecover() {
    Address to = Address.fromHex("0x00000000000000000000000000000000000000aa");
    List<AccessTuple> access = List.of(new AccessTuple(to, List.of(Hash32.ZERO)));
    List<Transaction> txs =
        List.of(
            new AccessListTx(BigInteger.TEN, 1, BigInteger.TWO, 50_000, null, BigInteger.ONE, Bytes.EMPTY, access,
                TxCodec.placeholderSignature()),
            new DynamicFeeTx(BigInteger.TEN, 2, BigInteger.ONE, BigInteger.TWO, 50_000, to, BigInteger.ZERO,
                Bytes.fromHex("0x00ff"), List.of(), TxCodec.placeholderSignature()),
            new BlobTx(BigInteger.TEN, 3, BigInteger.ONE, BigInteger.TWO, 50_000, to, BigInteger.ZERO, Bytes.EMPTY,
                List.of(), BigInteger.valueOf(7), List.of(Hash32.fromHex("0x01" + "ab".repeat(31))),
                TxCodec.placeholderSignature()),
            new SetCodeTx(BigInteger.TEN, 4, BigInteger.ONE, BigInteger.TWO, 50_000, to, BigInteger.ZERO, Bytes.EMPTY,
                access, List.of(new Authorization(BigInteger.ZERO, to, 5, 1, BigInteger.ONE, BigInteger.TWO)),
                TxCodec.placeholderSignature()));
    for (Transaction unsigned : txs) {
      Transaction tx = TxCodec.sign(unsigned, KEY_46);
      byte[] raw = TxCodec.encode(tx);
      assertEquals(tx.type().typeByte(), raw[0]);
      SignedTx decoded = assertInstanceOf(SignedTx.class, TxCodec.decode(raw));
      assertEquals(tx, decoded.tx());
      assertEquals(Optional.of(KEY_46.address()), decoded.sender());
      assertArrayEquals(raw, TxCodec.encode(decoded.tx()));
    }
  }

  @Test
  void blobAndSetCodeTransactionsNeedARecipient() {
    // A blob tx with an empty "to" is not decodable (EIP-4844: no contract creation).
    DynamicFeeTx creation =
        TxCodec.sign(
            new DynamicFeeTx(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 21_000, null, BigInteger.ZERO,
                Bytes.EMPTY, List.of(), TxCodec.placeholderSignature()),
            KEY_46);
    byte[] raw = TxCodec.encode(creation);
    raw[0] = 0x03;
    assertThrows(DecodeException.class, () -> TxCodec.decode(raw));
  }

  @Test
  void invalidSignatureIsAnEmptySender() {
    DynamicFeeTx tx =
        new DynamicFeeTx(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 21_000, null, BigInteger.ZERO,
            Bytes.EMPTY, List.of(), new TxSignature(1, BigInteger.ZERO, BigInteger.ONE));
    SignedTx decoded = (SignedTx) TxCodec.decode(TxCodec.encode(tx));
    assertFalse(decoded.sender().isPresent());
  }
}
