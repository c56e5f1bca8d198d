package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.batch.SignedTxFields;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanTxData;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Seeded random transactions and batches for the property tests. Signatures are random bytes. */
final class RandomBatches {
  static final long CHAIN_ID = 901;
  static final long GENESIS_TIME = 1_700_000_000L;
  static final long BLOCK_TIME = 2;

  private RandomBatches() {}

  /** A chain of {@code count} consecutive blocks starting at an epoch boundary. */
  static List<SingularBatch> blocks(SimRng rng, int count) {
    List<SingularBatch> out = new ArrayList<>();
    long epoch = 1000 + rng.nextInt(1000);
    long timestamp = GENESIS_TIME + BLOCK_TIME * (1 + rng.nextInt(10_000));
    Hash32 epochHash = hash(rng);
    for (int i = 0; i < count; i++) {
      if (i > 0 && rng.chance(1, 4)) {
        epoch++;
        epochHash = hash(rng);
      }
      List<Bytes> txs = new ArrayList<>();
      int n = rng.chance(1, 5) ? 0 : rng.nextInt(6);
      for (int t = 0; t < n; t++) {
        txs.add(tx(rng));
      }
      out.add(new SingularBatch(hash(rng), epoch, epochHash, timestamp + BLOCK_TIME * i, txs));
    }
    return out;
  }

  static Hash32 hash(SimRng rng) {
    return Hash32.wrap(rng.bytes(32));
  }

  /** A signed transaction of a random span-batch type, with random fields. */
  static Bytes tx(SimRng rng) {
    int kind = rng.nextInt(5);
    Bytes data = Bytes.wrapOwned(rng.bytes(rng.chance(1, 4) ? 0 : rng.nextInt(300)));
    BigInteger value = uint(rng, kind <= 3 && rng.chance(1, 20) ? 40 : 32);
    int parity = rng.nextInt(2);
    SpanTxData fields =
        switch (kind) {
          case 0, 1 -> new SpanTxData.Legacy(value, uint(rng, 16), data);
          case 2 -> new SpanTxData.AccessList(value, uint(rng, 16), data, accessList(rng));
          case 3 -> new SpanTxData.DynamicFee(value, uint(rng, 16), uint(rng, 16), data, accessList(rng));
          default -> new SpanTxData.SetCode(value, uint(rng, 16), uint(rng, 32), data, accessList(rng), authorizations(rng));
        };
    BigInteger v =
        switch (kind) {
          case 0 -> BigInteger.valueOf(CHAIN_ID * 2 + 35 + parity);
          case 1 -> BigInteger.valueOf(27 + parity);
          default -> BigInteger.valueOf(parity);
        };
    Address to = kind != 4 && rng.chance(1, 5) ? null : Address.wrap(rng.bytes(20));
    long nonce = rng.nextLong() >>> rng.nextInt(64);
    long gas = rng.nextLong() >>> rng.nextInt(64);
    SignedTxFields tx = new SignedTxFields(fields, nonce, gas, to, v, uint(rng, 32), uint(rng, 32));
    return Bytes.wrapOwned(tx.encode(CHAIN_ID));
  }

  /** A random unsigned integer of up to {@code maxBytes} bytes, often small or zero. */
  static BigInteger uint(SimRng rng, int maxBytes) {
    int bytes = rng.chance(1, 5) ? 0 : 1 + rng.nextInt(maxBytes);
    return new BigInteger(1, rng.bytes(bytes));
  }

  private static Bytes accessList(SimRng rng) {
    RlpWriter w = new RlpWriter();
    w.startList();
    for (int i = rng.nextInt(3); i > 0; i--) {
      w.startList().bytes(rng.bytes(20)).startList();
      for (int k = rng.nextInt(3); k > 0; k--) {
        w.bytes(rng.bytes(32));
      }
      w.endList().endList();
    }
    w.endList();
    return Bytes.wrapOwned(w.toByteArray());
  }

  private static Bytes authorizations(SimRng rng) {
    RlpWriter w = new RlpWriter();
    w.startList();
    for (int i = rng.nextInt(3); i > 0; i--) {
      w.startList().uint256(uint(rng, 32)).bytes(rng.bytes(20)).uint64(rng.nextLong() >>> 1).uint64(rng.nextInt(2));
      w.uint256(uint(rng, 32)).uint256(uint(rng, 32)).endList();
    }
    w.endList();
    return Bytes.wrapOwned(w.toByteArray());
  }
}
