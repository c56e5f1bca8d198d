package dev.basalt.testdata.world.engine;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Oracle mode, for running the node against a stretch of a real chain: the engine knows the real
 * blocks to expect, checks every build request against the real block at that height (parent,
 * timestamp, prevRandao, fee recipient, gas limit, transaction hashes in order, transactions root)
 * and records each difference, then answers with the real block, so the node sees real block
 * hashes. Real blocks are accepted by {@code newPayload} without pseudo-execution.
 */
public final class Oracle {
  private final Map<Long, ExecutionPayloadEnvelope> expected = new HashMap<>();
  private final Set<Hash32> realHashes = new HashSet<>();
  private final List<OracleMismatch> mismatches = new ArrayList<>();
  private int checks;

  Oracle(List<ExecutionPayloadEnvelope> blocks) {
    for (ExecutionPayloadEnvelope b : blocks) {
      expected.put(b.payload().blockNumber(), b);
      realHashes.add(b.payload().blockHash());
    }
  }

  Optional<ExecutionPayloadEnvelope> expectedAt(long number) {
    return Optional.ofNullable(expected.get(number));
  }

  boolean isReal(Hash32 hash) {
    return realHashes.contains(hash);
  }

  /** Compares a build request on {@code parentHash} with the real block; returns that block. */
  ExecutionPayloadEnvelope check(Hash32 parentHash, long number, PayloadAttributes a, ExecutionPayloadEnvelope real) {
    checks++;
    ExecutionPayload p = real.payload();
    compare(number, "parentHash", p.parentHash(), parentHash);
    compare(number, "timestamp", p.timestamp(), a.timestamp());
    compare(number, "prevRandao", p.prevRandao(), a.prevRandao());
    compare(number, "feeRecipient", p.feeRecipient(), a.suggestedFeeRecipient());
    compare(number, "gasLimit", p.gasLimit(), a.gasLimit());
    compare(number, "transactionHashes", hashes(p.transactions()), hashes(a.transactions()));
    compare(number, "transactionsRoot", OrderedTrie.root(p.transactions()), OrderedTrie.root(a.transactions()));
    return real;
  }

  private void compare(long number, String field, Object want, Object got) {
    if (!want.equals(got)) {
      synchronized (mismatches) {
        mismatches.add(new OracleMismatch(number, field, String.valueOf(want), String.valueOf(got)));
      }
    }
  }

  private static List<Hash32> hashes(List<Bytes> txs) {
    return txs.stream().map(Keccak::hash).toList();
  }

  /** Every difference found so far, in the order found. */
  public List<OracleMismatch> mismatches() {
    synchronized (mismatches) {
      return List.copyOf(mismatches);
    }
  }

  /** How many build requests were checked. */
  public int checks() {
    return checks;
  }
}
