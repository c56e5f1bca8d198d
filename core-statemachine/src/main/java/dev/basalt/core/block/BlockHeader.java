package dev.basalt.core.block;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An execution-layer block header, L1 or L2, of any fork. The fifteen original fields are always
 * present; each fork appends fields, and a header carries exactly those of its fork (null for the
 * rest):
 *
 * <ul>
 *   <li>London: {@code baseFeePerGas}
 *   <li>Shanghai: {@code withdrawalsRoot} (on OP Isthmus and later, the L2ToL1MessagePasser storage
 *       root instead of a withdrawals trie)
 *   <li>Cancun: {@code blobGasUsed}, {@code excessBlobGas}, {@code parentBeaconBlockRoot} (on OP
 *       Jovian and later, {@code blobGasUsed} carries the DA footprint)
 *   <li>Prague: {@code requestsHash} (OP Isthmus and later: {@link #EMPTY_REQUESTS_HASH})
 * </ul>
 *
 * <p>The hash is keccak256 of the RLP list of exactly the present fields, so the later fields must
 * form an unbroken prefix of that order; the constructor enforces it.
 */
public record BlockHeader(
    Hash32 parentHash,
    Hash32 ommersHash,
    Address beneficiary,
    Hash32 stateRoot,
    Hash32 transactionsRoot,
    Hash32 receiptsRoot,
    Bloom logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash32 mixHash,
    Bytes nonce,
    BigInteger baseFeePerGas,
    Hash32 withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash32 parentBeaconBlockRoot,
    Hash32 requestsHash) {

  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash32 EMPTY_OMMERS_HASH =
      Hash32.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  /** sha256(""): the requests hash of a block without execution requests (OP Isthmus+). */
  public static final Hash32 EMPTY_REQUESTS_HASH =
      Hash32.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  public BlockHeader {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(ommersHash, "ommersHash");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(mixHash, "mixHash");
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length() != 8) {
      throw new IllegalArgumentException("header nonce has 8 bytes, got " + nonce.length());
    }
    if (difficulty.signum() < 0 || difficulty.bitLength() > 256) {
      throw new IllegalArgumentException("difficulty must be a u256");
    }
    if (baseFeePerGas != null && (baseFeePerGas.signum() < 0 || baseFeePerGas.bitLength() > 256)) {
      throw new IllegalArgumentException("baseFeePerGas must be a u256");
    }
    requireForkOrder(baseFeePerGas, withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash);
  }

  private static void requireForkOrder(Object... optional) {
    // Cancun's three fields arrive together; otherwise each present field needs all earlier ones.
    boolean cancunPartial =
        (optional[2] == null) != (optional[3] == null) || (optional[3] == null) != (optional[4] == null);
    if (cancunPartial) {
      throw new IllegalArgumentException("blobGasUsed, excessBlobGas and parentBeaconBlockRoot come together");
    }
    boolean seenAbsent = false;
    for (Object field : optional) {
      if (field == null) {
        seenAbsent = true;
      } else if (seenAbsent) {
        throw new IllegalArgumentException("a later fork field is set while an earlier one is missing");
      }
    }
  }

  /** The canonical RLP encoding of exactly the present fields. */
  public byte[] encode() {
    RlpWriter w = new RlpWriter(640 + extraData.length()).startList();
    w.hash(parentHash).hash(ommersHash).address(beneficiary).hash(stateRoot);
    w.hash(transactionsRoot).hash(receiptsRoot).bytes(logsBloom.toArray()).uint256(difficulty);
    w.uint64(number).uint64(gasLimit).uint64(gasUsed).uint64(timestamp).bytes(extraData);
    w.hash(mixHash).bytes(nonce);
    if (baseFeePerGas != null) {
      w.uint256(baseFeePerGas);
    }
    if (withdrawalsRoot != null) {
      w.hash(withdrawalsRoot);
    }
    if (blobGasUsed != null) {
      w.uint64(blobGasUsed).uint64(excessBlobGas).hash(parentBeaconBlockRoot);
    }
    if (requestsHash != null) {
      w.hash(requestsHash);
    }
    return w.endList().toByteArray();
  }

  /** keccak256(rlp(header)): the block hash. */
  public Hash32 hash() {
    return Keccak.hash(encode());
  }
}
