package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@code eth_getBlockByNumber/ByHash} result with full transactions, verified and turned into
 * the execution payload the engine would have built (op-node {@code RPCBlock.ExecutionPayloadEnvelope}
 * with {@code trustRPC=false}):
 *
 * <ol>
 *   <li>post-merge header shape: zero difficulty (except block 0), zero nonce, a base fee, empty
 *       ommers, extra data of at most 32 bytes;
 *   <li>every transaction rebuilt to its envelope (deposits field by field) and, where the JSON
 *       gives one, its hash checked; the transactions root recomputed and compared;
 *   <li>before Isthmus a present withdrawals list must hash to {@code withdrawalsRoot}; from
 *       Isthmus (the header has {@code requestsHash}) the list must be empty and
 *       {@code withdrawalsRoot} is the message-passer storage root the payload carries;
 *   <li>the header rebuilt from the fields and the recomputed transactions root must hash to the
 *       JSON {@code hash}: this proves every payload field and transaction byte-exact.
 * </ol>
 *
 * <p>Any failure is a {@link MalformedResponseException} (the adapter's {@code INVALID_RESPONSE}).
 * Kept separate from the CLI's JSON converter on purpose, to be merged with it later.
 */
final class L2BlockJson {
  private static final int MAX_EXTRA_DATA_BYTES = 32;

  private L2BlockJson() {}

  static ExecutionPayloadEnvelope envelope(JsonNode result) {
    JsonFields b = new JsonFields(result, "result");
    long number = b.u64("number");
    BigInteger difficulty = b.u256("difficulty");
    Bytes nonce = b.data("nonce", 8);
    Bytes extraData = b.data("extraData");
    Hash32 ommers = b.hash("sha3Uncles");
    checkPostMerge(b, number, difficulty, nonce, extraData, ommers);

    List<Bytes> txs = transactions(b);
    Hash32 txRoot = OrderedTrie.root(txs);
    Hash32 declaredTxRoot = b.hash("transactionsRoot");
    if (!txRoot.equals(declaredTxRoot)) {
      throw new MalformedResponseException(b.at("transactionsRoot") + ": the rebuilt transactions hash to root " + txRoot
          + ", the block says " + declaredTxRoot);
    }
    boolean isthmus = b.has("requestsHash");
    Optional<List<Withdrawal>> withdrawals = b.has("withdrawals")
        ? Optional.of(EngineResults.withdrawals(b))
        : Optional.empty();
    Optional<Hash32> withdrawalsRoot = b.optionalHash("withdrawalsRoot");
    checkWithdrawals(b, isthmus, withdrawals, withdrawalsRoot);

    BlockHeader header = header(b, number, difficulty, nonce, extraData, ommers, txRoot);
    Hash32 declared = b.hash("hash");
    Hash32 computed = header.hash();
    if (!computed.equals(declared)) {
      throw new MalformedResponseException(b.at("hash") + ": the block's fields hash to " + computed + ", not " + declared);
    }
    ExecutionPayload payload = new ExecutionPayload(
        header.parentHash(), header.beneficiary(), header.stateRoot(), header.receiptsRoot(),
        Bytes.wrapOwned(header.logsBloom().toArray()), header.mixHash(), number, header.gasLimit(), header.gasUsed(),
        header.timestamp(), extraData, header.baseFeePerGas(), declared, txs, withdrawals,
        optional(header.blobGasUsed()), optional(header.excessBlobGas()),
        isthmus ? withdrawalsRoot : Optional.empty());
    return new ExecutionPayloadEnvelope(payload, Optional.ofNullable(header.parentBeaconBlockRoot()));
  }

  private static void checkPostMerge(
      JsonFields b, long number, BigInteger difficulty, Bytes nonce, Bytes extraData, Hash32 ommers) {
    // op-node exempts block 0 too: some genesis blocks carry a non-zero difficulty.
    if (number != 0 && difficulty.signum() != 0) {
      throw new MalformedResponseException(b.at("difficulty") + ": a post-merge block has zero difficulty, got " + difficulty);
    }
    for (int i = 0; i < nonce.length(); i++) {
      if (nonce.get(i) != 0) {
        throw new MalformedResponseException(b.at("nonce") + ": a post-merge block has a zero nonce, got " + nonce);
      }
    }
    if (!b.has("baseFeePerGas")) {
      throw new MalformedResponseException(b.at("baseFeePerGas") + ": missing (a post-merge block has a base fee)");
    }
    if (extraData.length() > MAX_EXTRA_DATA_BYTES) {
      throw new MalformedResponseException(b.at("extraData") + ": " + extraData.length() + " bytes; a payload allows 32");
    }
    if (!ommers.equals(BlockHeader.EMPTY_OMMERS_HASH)) {
      throw new MalformedResponseException(b.at("sha3Uncles") + ": a post-merge block has no ommers, got " + ommers);
    }
  }

  private static List<Bytes> transactions(JsonFields b) {
    JsonNode list = b.array("transactions");
    List<Bytes> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String path = b.at("transactions") + "[" + i + "]";
      if (!list.get(i).isObject()) {
        throw new MalformedResponseException(path + ": expected a full transaction object, got " + JsonFields.describe(list.get(i)));
      }
      JsonFields tx = new JsonFields(list.get(i), path);
      Bytes envelope = L2TxJson.envelope(tx);
      if (tx.has("hash")) {
        Hash32 declared = tx.hash("hash");
        Hash32 computed = Keccak.hash(envelope);
        if (!computed.equals(declared)) {
          throw new MalformedResponseException(path + ": the rebuilt transaction hashes to " + computed + ", not " + declared);
        }
      }
      out.add(envelope);
    }
    return out;
  }

  private static void checkWithdrawals(
      JsonFields b, boolean isthmus, Optional<List<Withdrawal>> withdrawals, Optional<Hash32> withdrawalsRoot) {
    if (withdrawals.isPresent() != withdrawalsRoot.isPresent()) {
      throw new MalformedResponseException(b.at("withdrawals") + ": the list and withdrawalsRoot must come together");
    }
    if (withdrawals.isEmpty()) {
      return;
    }
    if (isthmus) {
      if (!withdrawals.get().isEmpty()) {
        throw new MalformedResponseException(b.at("withdrawals") + ": an OP Isthmus block has no withdrawals, got "
            + withdrawals.get().size());
      }
      return;
    }
    List<Bytes> encoded = withdrawals.get().stream().map(Withdrawal::encode).toList();
    Hash32 root = OrderedTrie.root(encoded);
    if (!root.equals(withdrawalsRoot.get())) {
      throw new MalformedResponseException(b.at("withdrawalsRoot") + ": the withdrawals hash to " + root + ", the block says "
          + withdrawalsRoot.get());
    }
  }

  private static BlockHeader header(
      JsonFields b, long number, BigInteger difficulty, Bytes nonce, Bytes extraData, Hash32 ommers, Hash32 txRoot) {
    OptionalLong blobGasUsed = b.optionalU64("blobGasUsed");
    OptionalLong excessBlobGas = b.optionalU64("excessBlobGas");
    try {
      return new BlockHeader(
          b.hash("parentHash"), ommers, b.address("miner"), b.hash("stateRoot"), txRoot, b.hash("receiptsRoot"),
          Bloom.wrap(b.data("logsBloom", Bloom.LENGTH).toArray()), difficulty, number, b.u64("gasLimit"),
          b.u64("gasUsed"), b.u64("timestamp"), extraData, b.hash("mixHash"), nonce, b.u256("baseFeePerGas"),
          b.optionalHash("withdrawalsRoot").orElse(null),
          blobGasUsed.isPresent() ? blobGasUsed.getAsLong() : null,
          excessBlobGas.isPresent() ? excessBlobGas.getAsLong() : null,
          b.optionalHash("parentBeaconBlockRoot").orElse(null),
          b.optionalHash("requestsHash").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(b.path() + ": the header's fork fields do not form any fork's header: "
          + e.getMessage());
    }
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
