package dev.basalt.core.derive.pipeline;

import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Signed L1 transactions to the batch inbox and system-config logs for the pipeline's tests. */
public final class L1Txs {
  public static final SigningKey BATCHER = SigningKey.fromHex("0x" + "0b".repeat(32));
  public static final SigningKey STRANGER = SigningKey.fromHex("0x" + "5e".repeat(32));

  private L1Txs() {}

  public static Bytes calldataTx(SigningKey key, long chainId, Address to, Bytes data) {
    Transaction tx = new DynamicFeeTx(BigInteger.valueOf(chainId), 0, BigInteger.ONE, BigInteger.TEN, 100_000, to,
        BigInteger.ZERO, data, List.of(), TxCodec.placeholderSignature());
    return Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key)));
  }

  public static Bytes legacyTx(SigningKey key, Long chainId, Address to, Bytes data) {
    Transaction tx = new LegacyTx(chainId == null ? null : BigInteger.valueOf(chainId), 0, BigInteger.TEN, 100_000, to,
        BigInteger.ZERO, data, TxCodec.placeholderSignature());
    return Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key)));
  }

  public static Bytes blobTx(SigningKey key, long chainId, Address to, Bytes calldata, List<Hash32> versionedHashes) {
    Transaction tx = new BlobTx(BigInteger.valueOf(chainId), 0, BigInteger.ONE, BigInteger.TEN, 100_000, to, BigInteger.ZERO,
        calldata, List.of(), BigInteger.ONE, versionedHashes, TxCodec.placeholderSignature());
    return Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key)));
  }

  /** A stand-in versioned hash (0x01 then the blob's tag): the pipeline never checks KZG itself. */
  public static Hash32 versionedHash(int tag) {
    byte[] b = new byte[32];
    b[0] = 1;
    b[1] = (byte) tag;
    return Hash32.wrap(b);
  }

  /** A successful ConfigUpdate log setting the batcher (update type 0). */
  public static ReceiptLog batcherUpdate(Address systemConfig, Address batcher, long logIndex) {
    String payload = "00".repeat(12) + batcher.toHex().substring(2);
    String data = String.format("%064x", 32) + String.format("%064x", payload.length() / 2) + payload;
    Log log = new Log(systemConfig, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, Hash32.ZERO), Bytes.fromHex(data));
    return new ReceiptLog(log, logIndex, true);
  }

  public static L1Block block(L1BlockRef ref, List<InboxTransaction> txs, List<ReceiptLog> logs) {
    return new L1Block(ref, BigInteger.ONE, Hash32.ZERO, OptionalLong.of(0), Optional.of(Hash32.ZERO), txs, logs);
  }

  public static L1Block block(L1BlockRef ref, Bytes... inboxTxs) {
    InboxTransaction[] txs = new InboxTransaction[inboxTxs.length];
    for (int i = 0; i < inboxTxs.length; i++) {
      txs[i] = new InboxTransaction(i, inboxTxs[i], 0);
    }
    return block(ref, List.of(txs), List.of());
  }
}
