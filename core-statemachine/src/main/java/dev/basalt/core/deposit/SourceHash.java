package dev.basalt.core.deposit;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Hash32;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Source hashes of deposited transactions: {@code keccak256(uint256(domain) ||
 * keccak256(payload))}, where the payload depends on the {@link SourceDomain}.
 */
public final class SourceHash {
  private static final int WORD = 32;
  private static final byte[] ZEROS = new byte[WORD];

  private SourceHash() {}

  /** A user deposit: payload {@code l1BlockHash || uint256(logIndex)}. */
  public static Hash32 userDeposit(Hash32 l1BlockHash, long logIndex) {
    return ofBlockAndCounter(SourceDomain.USER_DEPOSIT, l1BlockHash, logIndex);
  }

  /** The L1-attributes deposit: payload {@code l1BlockHash || uint256(sequenceNumber)}. */
  public static Hash32 l1Info(Hash32 l1BlockHash, long sequenceNumber) {
    return ofBlockAndCounter(SourceDomain.L1_INFO, l1BlockHash, sequenceNumber);
  }

  /** The after-force-include deposit: payload {@code l1BlockHash || uint256(sequenceNumber)}. */
  public static Hash32 afterForceInclude(Hash32 l1BlockHash, long sequenceNumber) {
    return ofBlockAndCounter(SourceDomain.AFTER_FORCE_INCLUDE, l1BlockHash, sequenceNumber);
  }

  /** A network-upgrade transaction: payload is the UTF-8 intent string. */
  public static Hash32 upgrade(String intent) {
    Objects.requireNonNull(intent, "intent");
    return withDomain(SourceDomain.UPGRADE, Keccak.hash(intent.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Block hash and a u64 counter, both as 32-byte words. The counter is unsigned: op-node writes a
   * Go uint64, so a long with the top bit set stands for a value above 2^63.
   */
  private static Hash32 ofBlockAndCounter(SourceDomain domain, Hash32 l1BlockHash, long counter) {
    Objects.requireNonNull(l1BlockHash, "l1BlockHash");
    byte[] payload = new BinaryWriter(2 * WORD).hash(l1BlockHash).raw(ZEROS, 0, WORD - 8).i64(counter).toByteArray();
    return withDomain(domain, Keccak.hash(payload));
  }

  private static Hash32 withDomain(SourceDomain domain, Hash32 payloadHash) {
    return Keccak.hash(new BinaryWriter(2 * WORD).raw(ZEROS, 0, WORD - 8).i64(domain.code()).hash(payloadHash).toByteArray());
  }
}
