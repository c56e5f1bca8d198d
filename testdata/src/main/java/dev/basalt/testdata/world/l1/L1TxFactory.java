package dev.basalt.testdata.world.l1;

import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.tx.AccessListTx;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.testdata.batcher.EncodedBlob;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs the L1 transactions the world sends, tracking each sender's nonce: batcher transactions
 * (calldata and blobs), portal deposits, SystemConfig updates and filler transfers.
 */
public final class L1TxFactory {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  /** Generous fee caps: the simulated base fee stays far below them. */
  static final BigInteger MAX_FEE_PER_GAS = GWEI.multiply(BigInteger.valueOf(500));
  static final BigInteger TIP = GWEI;
  static final BigInteger MAX_FEE_PER_BLOB_GAS = GWEI.multiply(BigInteger.valueOf(100));
  /** Execution gas charged per emitted log (there is no EVM; this keeps gas plausible). */
  static final long GAS_PER_LOG = 25_000;

  private final BigInteger chainId;
  private final Map<Address, Long> nonces = new HashMap<>();

  public L1TxFactory(long chainId) {
    this.chainId = BigInteger.valueOf(chainId);
  }

  private long nextNonce(Address a) {
    long n = nonces.getOrDefault(a, 0L);
    nonces.put(a, n + 1);
    return n;
  }

  private static long gasUsed(Bytes data, int logs) {
    return 21_000 + L1Fees.calldataGas(data) + logs * GAS_PER_LOG;
  }

  private L1Tx dynamic(SigningKey key, Address to, BigInteger value, Bytes data, List<Log> logs) {
    long gas = gasUsed(data, logs.size());
    DynamicFeeTx tx = new DynamicFeeTx(chainId, nextNonce(key.address()), TIP, MAX_FEE_PER_GAS, gas + gas / 4, to, value, data,
        List.of(), TxCodec.placeholderSignature());
    return L1Tx.of(TxCodec.sign(tx, key), key.address(), logs, true, gas, List.of());
  }

  /** An EIP-1559 transaction to the batch inbox carrying {@code data} (frames after a version byte). */
  public L1Tx batcherCalldata(SigningKey batcher, Address inbox, byte[] data) {
    return dynamic(batcher, inbox, BigInteger.ZERO, Bytes.of(data), List.of());
  }

  /** An EIP-4844 transaction to the batch inbox carrying {@code blobs} (empty calldata). */
  public L1Tx batcherBlobs(SigningKey batcher, Address inbox, List<Blob> blobs) {
    return batcherBlobs(batcher, inbox, blobs, BlobCommitments.REAL);
  }

  /** As {@link #batcherBlobs(SigningKey, Address, List)}, with commitments made as {@code kind} says. */
  public L1Tx batcherBlobs(SigningKey batcher, Address inbox, List<Blob> blobs, BlobCommitments kind) {
    List<BlobSidecar> sidecars = new ArrayList<>(blobs.size());
    for (Blob b : blobs) {
      sidecars.add(BlobSidecar.of(b, kind));
    }
    return batcherSidecars(batcher, inbox, sidecars);
  }

  /** As {@link #batcherBlobs(SigningKey, Address, List, BlobCommitments)}, for encoder-made blobs (trimmed from their known zero tail). */
  public L1Tx batcherEncodedBlobs(SigningKey batcher, Address inbox, List<EncodedBlob> blobs, BlobCommitments kind) {
    List<BlobSidecar> sidecars = new ArrayList<>(blobs.size());
    for (EncodedBlob b : blobs) {
      sidecars.add(BlobSidecar.of(b, kind));
    }
    return batcherSidecars(batcher, inbox, sidecars);
  }

  private L1Tx batcherSidecars(SigningKey batcher, Address inbox, List<BlobSidecar> sidecars) {
    List<Hash32> hashes = new ArrayList<>(sidecars.size());
    for (BlobSidecar s : sidecars) {
      hashes.add(s.versionedHash());
    }
    BlobTx tx = new BlobTx(chainId, nextNonce(batcher.address()), TIP, MAX_FEE_PER_GAS, 25_000, inbox, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), MAX_FEE_PER_BLOB_GAS, hashes, TxCodec.placeholderSignature());
    return L1Tx.of(TxCodec.sign(tx, batcher), batcher.address(), List.of(), true, 21_000, sidecars);
  }

  /** A call to the portal that emits the deposit's {@code TransactionDeposited} log. */
  public L1Tx deposit(SigningKey user, Address portal, PortalDeposits deposit) {
    if (!deposit.from().equals(user.address())) {
      throw new IllegalArgumentException("an EOA deposit comes from its sender");
    }
    return dynamic(user, portal, deposit.mint(), deposit.calldata(), List.of(deposit.log(portal)));
  }

  /** The owner's call to the SystemConfig that emits the update's {@code ConfigUpdate} log. */
  public L1Tx configUpdate(SigningKey owner, Address systemConfig, ConfigUpdate update) {
    return dynamic(owner, systemConfig, BigInteger.ZERO, SystemConfigCalls.calldata(update),
        List.of(SystemConfigCalls.log(systemConfig, update)));
  }

  /** A transaction whose logs are given explicitly (malformed deposit logs, failed receipts, ...). */
  public L1Tx withEffects(SigningKey key, Address to, Bytes data, List<Log> logs, boolean success) {
    L1Tx tx = dynamic(key, to, BigInteger.ZERO, data, logs);
    return new L1Tx(tx.tx(), tx.envelope(), tx.hash(), tx.from(), tx.logs(), success, tx.gasUsed(), tx.blobs());
  }

  /** A plain transfer of a random type (legacy, EIP-2930 or EIP-1559) to a random address. */
  public L1Tx filler(SigningKey key, SimRng rng) {
    Address to = Address.wrap(rng.bytes(Address.LENGTH));
    BigInteger value = BigInteger.valueOf(rng.nextLong(1L << 40));
    Bytes data = Bytes.of(rng.bytes(rng.nextInt(40)));
    long gas = gasUsed(data, 0);
    long nonce = nextNonce(key.address());
    Transaction tx = switch (rng.nextInt(3)) {
      case 0 -> new LegacyTx(chainId, nonce, MAX_FEE_PER_GAS, gas, to, value, data, TxCodec.placeholderSignature());
      case 1 -> new AccessListTx(chainId, nonce, MAX_FEE_PER_GAS, gas, to, value, data, List.of(), TxCodec.placeholderSignature());
      default -> new DynamicFeeTx(chainId, nonce, TIP, MAX_FEE_PER_GAS, gas, to, value, data, List.of(),
          TxCodec.placeholderSignature());
    };
    return L1Tx.of(TxCodec.sign(tx, key), key.address(), List.of(), true, gas, List.of());
  }
}
