package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.LegacyTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Cancun L1 block built here, since the real vectors predate blobs: transactions signed with a
 * test key and written out as an RPC node would, the header's transactions root and hash computed
 * from them. Batch inbox and chain id are OP Mainnet's and Ethereum's.
 */
final class CancunBlock {
  static final long NUMBER = 20_000_000;
  static final long TIMESTAMP = 1_717_000_007;
  static final Address OTHER = Address.fromHex("0x" + "77".repeat(20));

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SigningKey KEY = SigningKey.fromHex("0x" + "42".repeat(32));
  private static final BigInteger CHAIN = BigInteger.ONE;

  private CancunBlock() {}

  static Transaction blobTx(long nonce, Address to, List<Hash32> hashes) {
    return TxCodec.sign(new BlobTx(CHAIN, nonce, BigInteger.ONE, BigInteger.TEN, 21_000, to, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), BigInteger.TWO, hashes, TxCodec.placeholderSignature()), KEY);
  }

  static Transaction dynamicTx(long nonce, Address to, Bytes data) {
    return TxCodec.sign(new DynamicFeeTx(CHAIN, nonce, BigInteger.ONE, BigInteger.TEN, 50_000, to, BigInteger.ZERO, data,
        List.of(), TxCodec.placeholderSignature()), KEY);
  }

  static Transaction legacyTx(long nonce, Address to) {
    return TxCodec.sign(new LegacyTx(CHAIN, nonce, BigInteger.TEN, 21_000, to, BigInteger.ONE, Bytes.EMPTY,
        TxCodec.placeholderSignature()), KEY);
  }

  /** The {@code eth_getBlockByNumber(n, true)} JSON of a block holding {@code txs}. */
  static ObjectNode json(List<Transaction> txs) {
    List<Bytes> envelopes = new ArrayList<>();
    txs.forEach(tx -> envelopes.add(Bytes.wrapOwned(TxCodec.encode(tx))));
    BlockHeader header = new BlockHeader(Hash32.fromHex("0x" + "01".repeat(32)), BlockHeader.EMPTY_OMMERS_HASH,
        OTHER, Hash32.fromHex("0x" + "02".repeat(32)), OrderedTrie.root(envelopes), OrderedTrie.EMPTY_ROOT, Bloom.EMPTY,
        BigInteger.ZERO, NUMBER, 30_000_000, 1_000_000, TIMESTAMP, Bytes.EMPTY, Hash32.fromHex("0x" + "03".repeat(32)),
        Bytes.wrapOwned(new byte[8]), BigInteger.valueOf(7), OrderedTrie.EMPTY_ROOT, 6L * 131_072, 1_234_567L,
        Hash32.fromHex("0x" + "04".repeat(32)), null);
    ObjectNode b = MAPPER.createObjectNode();
    Hash32 hash = header.hash();
    b.put("hash", hash.toHex()).put("parentHash", header.parentHash().toHex()).put("sha3Uncles", header.ommersHash().toHex());
    b.put("miner", header.beneficiary().toHex()).put("stateRoot", header.stateRoot().toHex());
    b.put("transactionsRoot", header.transactionsRoot().toHex()).put("receiptsRoot", header.receiptsRoot().toHex());
    b.put("logsBloom", header.logsBloom().toHex()).put("difficulty", "0x0").put("number", q(NUMBER));
    b.put("gasLimit", q(header.gasLimit())).put("gasUsed", q(header.gasUsed())).put("timestamp", q(TIMESTAMP));
    b.put("extraData", "0x").put("mixHash", header.mixHash().toHex()).put("nonce", "0x0000000000000000");
    b.put("baseFeePerGas", "0x7").put("withdrawalsRoot", header.withdrawalsRoot().toHex());
    b.put("blobGasUsed", q(header.blobGasUsed())).put("excessBlobGas", q(header.excessBlobGas()));
    b.put("parentBeaconBlockRoot", header.parentBeaconBlockRoot().toHex());
    b.putArray("withdrawals");
    ArrayNode list = b.putArray("transactions");
    for (int i = 0; i < txs.size(); i++) {
      list.add(txJson(txs.get(i), i, hash));
    }
    return b;
  }

  private static ObjectNode txJson(Transaction tx, int index, Hash32 blockHash) {
    ObjectNode j = MAPPER.createObjectNode();
    j.put("hash", Keccak.hash(TxCodec.encode(tx)).toHex()).put("blockHash", blockHash.toHex());
    j.put("blockNumber", q(NUMBER)).put("transactionIndex", q(index)).put("from", KEY.address().toHex());
    switch (tx) {
      case LegacyTx t -> {
        j.put("type", "0x0").put("nonce", q(t.nonce())).put("gasPrice", hex(t.gasPrice())).put("gas", q(t.gasLimit()));
        j.put("to", t.to().toHex()).put("value", hex(t.value())).put("input", t.data().toHex()).put("v", hex(t.v()));
        j.put("r", hex(t.signature().r())).put("s", hex(t.signature().s()));
      }
      case DynamicFeeTx t -> {
        typed(j, "0x2", t.nonce(), t.gasLimit(), t.to(), t.data(), t.signature().yParity(), t.signature().r(), t.signature().s());
      }
      case BlobTx t -> {
        typed(j, "0x3", t.nonce(), t.gasLimit(), t.to(), t.data(), t.signature().yParity(), t.signature().r(), t.signature().s());
        j.put("maxFeePerBlobGas", hex(t.maxFeePerBlobGas()));
        ArrayNode hashes = j.putArray("blobVersionedHashes");
        t.blobVersionedHashes().forEach(h -> hashes.add(h.toHex()));
      }
      default -> throw new IllegalArgumentException("not used here: " + tx);
    }
    return j;
  }

  private static void typed(ObjectNode j, String type, long nonce, long gas, Address to, Bytes data, int parity,
      BigInteger r, BigInteger s) {
    j.put("type", type).put("chainId", "0x1").put("nonce", q(nonce)).put("maxPriorityFeePerGas", "0x1");
    j.put("maxFeePerGas", "0xa").put("gasPrice", "0x8").put("gas", q(gas)).put("to", to.toHex()).put("value", "0x0");
    j.put("input", data.toHex()).putArray("accessList");
    j.put("yParity", q(parity)).put("v", q(parity)).put("r", hex(r)).put("s", hex(s));
  }

  private static String q(long v) {
    return "0x" + Long.toHexString(v);
  }

  private static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
