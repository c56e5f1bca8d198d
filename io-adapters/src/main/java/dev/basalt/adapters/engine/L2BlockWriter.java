package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * The server's half of {@link L2BlockJson}: a block the engine holds as an {@code
 * eth_getBlockByNumber/ByHash} result in op-geth's shape ({@code RPCMarshalHeader} plus {@code
 * size}, {@code transactions}, {@code uncles} and {@code withdrawals}).
 *
 * <p>The header is the one an OP engine derives from the payload (the fields the payload leaves
 * out are fixed after the merge): zero difficulty and nonce, {@code mixHash} = {@code prevRandao},
 * the empty ommers hash, the transactions root; the withdrawals root (the payload's own from
 * Isthmus, when it carries one, else the list's root); the blob fields with the envelope's parent
 * beacon root from Ecotone; and from Isthmus the empty requests hash. {@code hash} is the
 * payload's block hash as the engine stored it: {@link L2BlockJson} recomputes it on the way in.
 */
final class L2BlockWriter {
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private L2BlockWriter() {}

  /** The header an OP engine derives from {@code e}. */
  static BlockHeader header(ExecutionPayloadEnvelope e) {
    ExecutionPayload p = e.payload();
    Hash32 withdrawalsRoot = null;
    if (p.withdrawals().isPresent()) {
      withdrawalsRoot = p.withdrawalsRoot()
          .orElseGet(() -> OrderedTrie.root(p.withdrawals().get().stream().map(Withdrawal::encode).toList()));
    }
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash32 beaconRoot = null;
    if (p.blobGasUsed().isPresent()) {
      blobGasUsed = p.blobGasUsed().getAsLong();
      excessBlobGas = p.excessBlobGas().orElse(0);
      beaconRoot = e.parentBeaconBlockRoot().orElse(Hash32.ZERO);
    }
    // OP payloads carry withdrawalsRoot exactly from Isthmus, the fork that adds requestsHash.
    Hash32 requestsHash = p.withdrawalsRoot().isPresent() ? BlockHeader.EMPTY_REQUESTS_HASH : null;
    return new BlockHeader(p.parentHash(), BlockHeader.EMPTY_OMMERS_HASH, p.feeRecipient(), p.stateRoot(),
        OrderedTrie.root(p.transactions()), p.receiptsRoot(), Bloom.wrap(p.logsBloom().toArray()), BigInteger.ZERO,
        p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.prevRandao(), ZERO_NONCE,
        p.baseFeePerGas(), withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }

  /**
   * Writes the block.
   *
   * @param fullTransactions transaction objects (true) or their hashes (false)
   */
  static void write(JsonGenerator gen, ExecutionPayloadEnvelope e, boolean fullTransactions) throws IOException {
    ExecutionPayload p = e.payload();
    BlockHeader h = header(e);
    gen.writeStartObject();
    JsonHex.quantity(gen, "number", h.number());
    JsonHex.hash(gen, "hash", p.blockHash());
    JsonHex.hash(gen, "parentHash", h.parentHash());
    JsonHex.data(gen, "nonce", h.nonce());
    JsonHex.hash(gen, "mixHash", h.mixHash());
    JsonHex.hash(gen, "sha3Uncles", h.ommersHash());
    JsonHex.data(gen, "logsBloom", p.logsBloom());
    JsonHex.hash(gen, "stateRoot", h.stateRoot());
    JsonHex.address(gen, "miner", h.beneficiary());
    JsonHex.quantity(gen, "difficulty", h.difficulty());
    JsonHex.data(gen, "extraData", h.extraData());
    JsonHex.quantity(gen, "gasLimit", h.gasLimit());
    JsonHex.quantity(gen, "gasUsed", h.gasUsed());
    JsonHex.quantity(gen, "timestamp", h.timestamp());
    JsonHex.hash(gen, "transactionsRoot", h.transactionsRoot());
    JsonHex.hash(gen, "receiptsRoot", h.receiptsRoot());
    JsonHex.quantity(gen, "baseFeePerGas", h.baseFeePerGas());
    forkFields(gen, h);
    JsonHex.quantity(gen, "size", size(h, p));
    gen.writeArrayFieldStart("transactions");
    List<Bytes> txs = p.transactions();
    for (int i = 0; i < txs.size(); i++) {
      if (fullTransactions) {
        L2TxWriter.write(gen, txs.get(i), new L2TxWriter.Location(p.blockHash(), p.blockNumber(), i, p.baseFeePerGas()));
      } else {
        gen.writeString(dev.basalt.core.crypto.Keccak.hash(txs.get(i)).toHex());
      }
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("uncles");
    gen.writeEndArray();
    if (p.withdrawals().isPresent()) {
      gen.writeFieldName("withdrawals");
      EngineJsonWriter.withdrawals(gen, p.withdrawals().get());
    }
    gen.writeEndObject();
  }

  private static void forkFields(JsonGenerator gen, BlockHeader h) throws IOException {
    if (h.withdrawalsRoot() != null) {
      JsonHex.hash(gen, "withdrawalsRoot", h.withdrawalsRoot());
    }
    if (h.blobGasUsed() != null) {
      JsonHex.quantity(gen, "blobGasUsed", h.blobGasUsed());
      JsonHex.quantity(gen, "excessBlobGas", h.excessBlobGas());
    }
    if (h.parentBeaconBlockRoot() != null) {
      JsonHex.hash(gen, "parentBeaconBlockRoot", h.parentBeaconBlockRoot());
    }
    if (h.requestsHash() != null) {
      JsonHex.hash(gen, "requestsHash", h.requestsHash());
    }
  }

  /** geth's {@code Block.Size()}: the RLP length of {@code [header, txs, uncles, withdrawals?]}. */
  private static long size(BlockHeader h, ExecutionPayload p) {
    RlpWriter w = new RlpWriter(1024);
    w.startList();
    w.raw(h.encode());
    w.startList();
    for (Bytes tx : p.transactions()) {
      // A block body holds a legacy transaction as its RLP list, a typed one as a byte string.
      if (tx.length() > 0 && (tx.get(0) & 0xff) >= 0xc0) {
        w.raw(tx.toArray());
      } else {
        w.bytes(tx);
      }
    }
    w.endList();
    w.startList().endList();
    if (p.withdrawals().isPresent()) {
      w.startList();
      for (Withdrawal wd : p.withdrawals().get()) {
        w.raw(wd.encode().toArray());
      }
      w.endList();
    }
    w.endList();
    return w.size();
  }
}
