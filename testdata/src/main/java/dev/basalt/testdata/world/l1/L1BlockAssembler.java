package dev.basalt.testdata.world.l1;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.tx.ReceiptCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.trie.OrderedRoots;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals transactions into an L1 block with a real header: transactions and receipts roots over the
 * real encodings, the logs bloom, gas used, EIP-1559 base fee and EIP-4844 blob gas from the parent,
 * and exactly the fork fields the block's timestamp calls for (see {@link L1Forks}).
 *
 * <p>Not real: the state root ({@code keccak256(parent state root ‖ transactions root)}) and the
 * parent beacon block root ({@code keccak256("beacon" ‖ parent hash)}); nothing the rollup reads
 * depends on their values, only on their presence.
 */
final class L1BlockAssembler {
  static final Address FEE_RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000c0ffe");
  private static final Bytes EXTRA_DATA = Bytes.of("basalt-sim".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private L1BlockAssembler() {}

  /** Block 0: no transactions, the genesis base fee. */
  static MinedL1Block genesis(L1Params params, Hash32 mixHash) {
    return seal(params, null, params.genesisTime(), mixHash, List.of(), List.of());
  }

  /**
   * The child of {@code parent} at {@code timestamp} holding {@code txs} in order. The caller keeps
   * within the gas limit and blob maximum.
   */
  static MinedL1Block seal(L1Params params, MinedL1Block parent, long timestamp, Hash32 mixHash, List<L1Tx> txs,
      List<Withdrawal> withdrawals) {
    List<L1Tx> indexed = new ArrayList<>(txs.size());
    List<Receipt> receipts = new ArrayList<>(txs.size());
    List<Bytes> envelopes = new ArrayList<>(txs.size());
    List<Bytes> encodedReceipts = new ArrayList<>(txs.size());
    Bloom bloom = Bloom.EMPTY;
    long cumulativeGas = 0;
    int blobs = 0;
    for (L1Tx tx : txs) {
      L1Tx t = tx.withBlobsFrom(blobs);
      blobs += t.blobs().size();
      cumulativeGas += t.gasUsed();
      Receipt r = Receipt.of(t.typeByte(), t.success(), cumulativeGas, t.success() ? t.logs() : List.of());
      indexed.add(t);
      receipts.add(r);
      envelopes.add(t.envelope());
      encodedReceipts.add(Bytes.wrapOwned(ReceiptCodec.encode(r)));
      bloom = bloom.or(r.logsBloom());
    }
    if (cumulativeGas > params.gasLimit()) {
      throw new IllegalArgumentException("transactions use " + cumulativeGas + " gas, over the limit " + params.gasLimit());
    }
    Hash32 txRoot = OrderedRoots.root(envelopes);
    BlockHeader header = header(params, parent, timestamp, mixHash, txRoot, OrderedRoots.root(encodedReceipts, true), bloom,
        cumulativeGas, blobs, withdrawals);
    return new MinedL1Block(header, header.hash(), indexed, receipts,
        params.forks().shanghai(timestamp) ? withdrawals : List.of());
  }

  private static BlockHeader header(L1Params params, MinedL1Block parent, long timestamp, Hash32 mixHash, Hash32 txRoot,
      Hash32 receiptsRoot, Bloom bloom, long gasUsed, int blobs, List<Withdrawal> withdrawals) {
    L1Forks forks = params.forks();
    Hash32 parentHash = parent == null ? Hash32.ZERO : parent.hash();
    Hash32 parentState = parent == null ? Hash32.ZERO : parent.header().stateRoot();
    BigInteger baseFee = parent == null
        ? L1Fees.GENESIS_BASE_FEE
        : L1Fees.baseFee(parent.header().baseFeePerGas(), parent.header().gasUsed(), parent.header().gasLimit());
    Hash32 withdrawalsRoot = null;
    if (forks.shanghai(timestamp)) {
      withdrawalsRoot = OrderedTrie.root(withdrawals.stream().map(Withdrawal::encode).toList());
    }
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash32 beaconRoot = null;
    if (forks.cancun(timestamp)) {
      if (blobs > forks.blobParams(timestamp).max()) {
        throw new IllegalArgumentException(blobs + " blobs, over the maximum " + forks.blobParams(timestamp).max());
      }
      blobGasUsed = blobs * L1Fees.GAS_PER_BLOB;
      boolean parentCancun = parent != null && parent.header().excessBlobGas() != null;
      excessBlobGas = parentCancun
          ? L1Fees.excessBlobGas(parent.header().excessBlobGas(), parent.header().blobGasUsed(), forks.blobParams(timestamp).target())
          : 0L;
      beaconRoot = Keccak.hash("beacon".getBytes(StandardCharsets.US_ASCII), parentHash.toArray());
    } else if (blobs > 0) {
      throw new IllegalArgumentException("blob transactions before Cancun");
    }
    Hash32 requestsHash = forks.prague(timestamp) ? BlockHeader.EMPTY_REQUESTS_HASH : null;
    long number = parent == null ? 0 : parent.number() + 1;
    return new BlockHeader(parentHash, BlockHeader.EMPTY_OMMERS_HASH, FEE_RECIPIENT, Keccak.hash(parentState.toArray(), txRoot.toArray()),
        txRoot, receiptsRoot, bloom, BigInteger.ZERO, number, params.gasLimit(), gasUsed, timestamp, EXTRA_DATA, mixHash,
        ZERO_NONCE, baseFee, withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }
}
