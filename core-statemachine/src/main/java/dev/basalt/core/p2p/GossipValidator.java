package dev.basalt.core.p2p;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.RecoveryMemo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Validates block gossip messages by the rules of rollup-node-p2p, in op-node's order ({@code
 * BuildBlocksValidator}), which is what peers score each other by: snappy length header and size
 * bounds, snappy body, signature by the unsafe-block signer, SSZ layout of the topic, timestamp
 * window around the receive time, block hash, per-version field rules, then the equivocation and
 * duplicate rules.
 *
 * <p>Differences from op-node, on purpose: from Jovian a non-zero {@code blobGasUsed} (the DA
 * footprint, specs jovian/exec-engine.md) is allowed, as kona does; payload fields at or above
 * 2^63 are refused as malformed (the core keeps them in signed longs).
 *
 * <p>State: the unsafe-block signer as last observed, and the hashes seen per height. Time is the
 * message's receive time from its event, never a clock.
 */
public final class GossipValidator {
  /** op-node's {@code maxGossipSize}: 10 MiB for the RPC and for the decoded message. */
  public static final int MAX_GOSSIP_BYTES = 10 * (1 << 20);

  /** op-node's {@code minGossipSize}: a 65-byte signature and at least one signed byte. */
  public static final int MIN_GOSSIP_BYTES = 66;

  /** Payloads more than this many seconds older than the receive time are refused. */
  public static final long MAX_AGE_SECONDS = 60;

  /** Payloads more than this many seconds ahead of the receive time are refused. */
  public static final long MAX_FUTURE_SECONDS = 5;

  /** op-node rejects once more than this many different blocks were seen at one height. */
  public static final int MAX_BLOCKS_PER_HEIGHT = 5;

  private static final int SIGNATURE_BYTES = 65;

  private final RecoveryMemo recoveries;
  private Address signer = Address.ZERO;
  private final SeenBlocks seen = new SeenBlocks();

  public GossipValidator() {
    this(new RecoveryMemo());
  }

  /** A validator that recovers block signers through {@code recoveries}, which other checks may share. */
  public GossipValidator(RecoveryMemo recoveries) {
    this.recoveries = Objects.requireNonNull(recoveries, "recoveries");
  }

  /** The unsafe-block signer blocks must be signed by; {@link Address#ZERO} means none known. */
  public void observeSigner(Address unsafeBlockSigner) {
    signer = unsafeBlockSigner;
  }

  public Address signer() {
    return signer;
  }

  /**
   * Validates one message.
   *
   * @param topicVersion the block topic it arrived on, 1..4 for blocks v1..v4
   * @param data the message as received (snappy block compressed)
   * @param receivedAtMillis when the node received it (the timestamp window is relative to this)
   */
  public GossipValidation validate(RollupConfig rollup, int topicVersion, Bytes data, long receivedAtMillis) {
    if (topicVersion < 1 || topicVersion > BlockVersion.values().length) {
      return GossipValidation.refused(GossipReason.UNKNOWN_TOPIC, "topic version " + topicVersion);
    }
    BlockVersion version = BlockVersion.values()[topicVersion - 1];
    byte[] compressed = data.toArray();
    OptionalLong declared = SnappyBlock.decodedLength(compressed);
    if (declared.isEmpty()) {
      return GossipValidation.refused(GossipReason.SNAPPY_HEADER_INVALID, "invalid snappy length header");
    }
    if (declared.getAsLong() > MAX_GOSSIP_BYTES) {
      return GossipValidation.refused(GossipReason.TOO_LARGE, "decoded length " + declared.getAsLong());
    }
    if (declared.getAsLong() < MIN_GOSSIP_BYTES) {
      return GossipValidation.refused(GossipReason.TOO_SMALL, "decoded length " + declared.getAsLong());
    }
    byte[] message;
    try {
      message = SnappyBlock.decode(compressed, MAX_GOSSIP_BYTES);
    } catch (SnappyBlock.CorruptException e) {
      return GossipValidation.refused(GossipReason.SNAPPY_INVALID, e.getMessage());
    }
    GossipValidation bySignature = checkSignature(rollup.l2ChainId(), message);
    if (bySignature != null) {
      return bySignature;
    }
    ExecutionPayloadEnvelope envelope;
    switch (PayloadSszDecoder.decode(message, SIGNATURE_BYTES, message.length - SIGNATURE_BYTES, version)) {
      case PayloadSszDecoder.Invalid invalid -> {
        return GossipValidation.refused(GossipReason.SSZ_INVALID, invalid.reason());
      }
      case PayloadSszDecoder.Decoded decoded -> envelope = decoded.envelope();
    }
    ExecutionPayload p = envelope.payload();
    if (p.blockNumber() < 0 || p.timestamp() < 0 || p.gasLimit() < 0 || p.gasUsed() < 0) {
      return GossipValidation.refused(GossipReason.SSZ_INVALID, "a payload field is at or above 2^63");
    }
    return checkPayload(rollup, version, envelope, receivedAtMillis);
  }

  /** The signature rule; null when it passes. */
  private GossipValidation checkSignature(long chainId, byte[] message) {
    if (signer.equals(Address.ZERO)) {
      return GossipValidation.refused(GossipReason.NO_SIGNER, "no unsafe-block signer configured");
    }
    Hash32 payloadHash = Keccak.hash(message, SIGNATURE_BYTES, message.length - SIGNATURE_BYTES);
    Hash32 signingHash = BlockSigning.signingHash(chainId, payloadHash);
    int recoveryId = message[64] & 0xff;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(message, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(message, 32, 64));
    // Like go-ethereum's SigToPub: recovery id 0 or 1 only, high s accepted.
    Optional<Address> author = recoveries.recoverAddress(signingHash, recoveryId, r, s, false, signer);
    if (author.isEmpty()) {
      return GossipValidation.refused(GossipReason.SIGNATURE_INVALID, "signature does not recover");
    }
    if (!author.get().equals(signer)) {
      return GossipValidation.refused(GossipReason.WRONG_SIGNER,
          "signed by " + author.get().toHex() + ", expected " + signer.toHex());
    }
    return null;
  }

  private GossipValidation checkPayload(
      RollupConfig rollup, BlockVersion version, ExecutionPayloadEnvelope envelope, long receivedAtMillis) {
    ExecutionPayload p = envelope.payload();
    BlockId block = new BlockId(p.blockHash(), p.blockNumber());
    long now = Math.floorDiv(receivedAtMillis, 1000);
    if (p.timestamp() < now - MAX_AGE_SECONDS) {
      return GossipValidation.refused(GossipReason.TOO_OLD, "timestamp " + p.timestamp() + ", now " + now, block);
    }
    if (p.timestamp() > now + MAX_FUTURE_SECONDS) {
      return GossipValidation.refused(GossipReason.TOO_NEW, "timestamp " + p.timestamp() + ", now " + now, block);
    }
    if (!PayloadHeader.hashMatches(rollup, envelope)) {
      return GossipValidation.refused(GossipReason.BLOCK_HASH_MISMATCH, "stated " + p.blockHash().toHex(), block);
    }
    GossipValidation byFields = checkFields(rollup, version, envelope, block);
    if (byFields != null) {
      return byFields;
    }
    List<Hash32> atHeight = seen.touch(p.blockNumber());
    if (atHeight.size() > MAX_BLOCKS_PER_HEIGHT) {
      return GossipValidation.refused(GossipReason.TOO_MANY_AT_HEIGHT,
          atHeight.size() + " blocks already seen at height " + p.blockNumber(), block);
    }
    if (atHeight.contains(p.blockHash())) {
      return GossipValidation.refused(GossipReason.DUPLICATE, "block already seen", block);
    }
    seen.markSeen(atHeight, p.blockHash());
    return GossipValidation.accepted(envelope);
  }

  /** The per-version field rules; null when they pass. */
  private static GossipValidation checkFields(
      RollupConfig rollup, BlockVersion version, ExecutionPayloadEnvelope envelope, BlockId block) {
    ExecutionPayload p = envelope.payload();
    boolean hasWithdrawals = version != BlockVersion.V1;
    if (hasWithdrawals != p.withdrawals().isPresent()) {
      return GossipValidation.refused(GossipReason.WITHDRAWALS, version + " withdrawals list presence", block);
    }
    if (hasWithdrawals && !p.withdrawals().get().isEmpty()) {
      return GossipValidation.refused(GossipReason.WITHDRAWALS,
          p.withdrawals().get().size() + " withdrawals on a " + version + " topic", block);
    }
    if (!version.hasBeaconRoot() && (p.blobGasUsed().isPresent() || p.excessBlobGas().isPresent())) {
      return GossipValidation.refused(GossipReason.BLOB_GAS, "blob gas fields on a " + version + " topic", block);
    }
    if (version.hasBeaconRoot()) {
      boolean jovian = rollup.isActive(Fork.JOVIAN, p.timestamp());
      // From Jovian blobGasUsed carries the block's DA footprint (jovian/exec-engine.md).
      if (p.blobGasUsed().isEmpty() || (!jovian && p.blobGasUsed().getAsLong() != 0)) {
        return GossipValidation.refused(GossipReason.BLOB_GAS, "blob gas used " + p.blobGasUsed() + " before Jovian", block);
      }
      if (p.excessBlobGas().isEmpty() || p.excessBlobGas().getAsLong() != 0) {
        return GossipValidation.refused(GossipReason.BLOB_GAS, "excess blob gas " + p.excessBlobGas(), block);
      }
      if (envelope.parentBeaconBlockRoot().isEmpty()) {
        return GossipValidation.refused(GossipReason.MISSING_FIELD, "no parent beacon block root", block);
      }
    }
    if (version == BlockVersion.V4 && p.withdrawalsRoot().isEmpty()) {
      return GossipValidation.refused(GossipReason.MISSING_FIELD, "no withdrawals root on a v4 topic", block);
    }
    return null;
  }

  public void writeTo(BinaryWriter w) {
    w.address(signer);
    seen.writeTo(w);
  }

  public void readFrom(BinaryReader r) {
    signer = r.address();
    seen.readFrom(r);
  }

  public void describeTo(StateVisitor v) {
    v.value("signer", signer.toHex());
    v.beginObject("seen");
    seen.describeTo(v);
    v.endObject();
  }
}
