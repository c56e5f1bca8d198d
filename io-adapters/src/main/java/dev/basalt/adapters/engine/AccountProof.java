package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An {@code eth_getProof} account result, checked against a state root the way op-node's
 * {@code AccountResult.Verify} does: the account proof must lead from the root to exactly the
 * RLP of the claimed {@code [nonce, balance, storageHash, codeHash]}, so a lying engine cannot
 * hand over a wrong storage root.
 */
record AccountProof(Address address, long nonce, BigInteger balance, Hash32 storageHash, Hash32 codeHash,
    List<byte[]> accountProof) {

  /** @throws MalformedResponseException when {@code result} is not an account proof */
  static AccountProof parse(JsonNode result) {
    JsonFields f = new JsonFields(result, "result");
    JsonNode nodes = f.array("accountProof");
    List<byte[]> proof = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      proof.add(JsonFields.data(nodes.get(i), f.at("accountProof") + "[" + i + "]"));
    }
    return new AccountProof(f.address("address"), f.u64("nonce"), f.u256("balance"), f.hash("storageHash"),
        f.hash("codeHash"), List.copyOf(proof));
  }

  /**
   * Checks the claimed account against {@code stateRoot}.
   *
   * @throws MalformedResponseException saying why it does not hold
   */
  void verify(Hash32 stateRoot) {
    byte[] path = Keccak.hash(address.toArray()).toArray();
    Optional<byte[]> proven;
    try {
      proven = MerkleProof.value(stateRoot, path, accountProof);
    } catch (MalformedResponseException e) {
      throw new MalformedResponseException("failed to verify account value with key " + address + " in account trie "
          + stateRoot + ": " + e.getMessage());
    }
    byte[] claimed = new RlpWriter().startList().uint64(nonce).bigUnsigned(balance).hash(storageHash).hash(codeHash)
        .endList().toByteArray();
    if (proven.isEmpty()) {
      throw new MalformedResponseException("the proof shows account " + address + " absent from state " + stateRoot);
    }
    if (!Arrays.equals(proven.get(), claimed)) {
      throw new MalformedResponseException("account proof does not match the claimed account values of " + address);
    }
  }
}
