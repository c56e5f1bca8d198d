package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.world.PayloadBuilder;
import dev.basalt.core.world.TestChain;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each rule of the block gossip validator, its boundary, and its place in op-node's order. */
class GossipValidatorTest {
  static final SigningKey SEQUENCER = SigningKey.fromHex("0x" + "11".repeat(32));
  static final SigningKey STRANGER = SigningKey.fromHex("0x" + "22".repeat(32));
  static final long T = TestChain.GENESIS_TIME + 1_000;

  private final RollupConfig holocene = Gossip.rollup(Fixtures.forksThrough(Fork.HOLOCENE));
  private final GossipValidator validator = new GossipValidator();

  GossipValidatorTest() {
    validator.observeSigner(SEQUENCER.address());
  }

  private GossipValidation validate(RollupConfig rollup, int topic, Bytes data, long receivedAtSeconds) {
    return validator.validate(rollup, topic, data, receivedAtSeconds * 1000);
  }

  @Test
  void aSignedBlockOfTheRightVersionIsAccepted() {
    ExecutionPayloadEnvelope block = Gossip.block(holocene, 1, T);
    GossipValidation v = validate(holocene, 3, Gossip.message(holocene, SEQUENCER, block), T);
    assertEquals(GossipReason.VALID, v.reason(), v.detail());
    assertEquals(GossipOutcome.ACCEPT, v.outcome());
    assertEquals(Optional.of(block), v.envelope());
  }

  @Test
  void everyVersionIsAcceptedOnItsTopic() {
    List<Fork> lastForks = List.of(Fork.REGOLITH, Fork.DELTA, Fork.HOLOCENE, Fork.ISTHMUS);
    for (int version = 1; version <= 4; version++) {
      RollupConfig rollup = Gossip.rollup(Fixtures.forksThrough(lastForks.get(version - 1)));
      assertEquals(BlockVersion.values()[version - 1], BlockVersion.at(rollup, T));
      GossipValidator fresh = new GossipValidator();
      fresh.observeSigner(SEQUENCER.address());
      Bytes data = Gossip.message(rollup, SEQUENCER, Gossip.block(rollup, 1, T));
      assertEquals(GossipReason.VALID, fresh.validate(rollup, version, data, T * 1000).reason(), "v" + version);
      int other = version % 4 + 1;
      assertEquals(GossipReason.SSZ_INVALID, fresh.validate(rollup, other, data, T * 1000).reason(), "v" + version + " on v" + other);
    }
  }

  @Test
  void theTimestampWindowIsSixtySecondsBackAndFiveAhead() {
    Bytes data = Gossip.message(holocene, SEQUENCER, Gossip.block(holocene, 1, T));
    assertEquals(GossipReason.TOO_OLD, validate(holocene, 3, data, T + 61).reason());
    assertEquals(GossipReason.TOO_NEW, validate(holocene, 3, data, T - 6).reason());
    // Receive times round down to seconds: 60.999 s after is still in the window.
    assertEquals(GossipReason.VALID, validator.validate(holocene, 3, data, (T + 60) * 1000 + 999).reason());
    GossipValidator other = new GossipValidator();
    other.observeSigner(SEQUENCER.address());
    assertEquals(GossipReason.VALID, other.validate(holocene, 3, data, (T - 5) * 1000).reason());
  }

  @Test
  void signatureRules() {
    ExecutionPayloadEnvelope block = Gossip.block(holocene, 1, T);
    assertEquals(GossipReason.WRONG_SIGNER, validate(holocene, 3, Gossip.message(holocene, STRANGER, block), T).reason());
    byte[] raw = Gossip.uncompressed(holocene, SEQUENCER, block);
    raw[64] = 2;
    assertEquals(GossipReason.SIGNATURE_INVALID, validate(holocene, 3, Bytes.of(SnappyBlock.encode(raw)), T).reason());
    raw[64] = 27;
    assertEquals(GossipReason.SIGNATURE_INVALID, validate(holocene, 3, Bytes.of(SnappyBlock.encode(raw)), T).reason(),
        "27/28 are not accepted, as op-node");
    GossipValidator unconfigured = new GossipValidator();
    GossipValidation v = unconfigured.validate(holocene, 3, Gossip.message(holocene, SEQUENCER, block), T * 1000);
    assertEquals(GossipReason.NO_SIGNER, v.reason());
    assertEquals(GossipOutcome.IGNORE, v.outcome());
  }

  @Test
  void aSignatureOverAnotherChainIsRefused() {
    RollupConfig otherChain = Gossip.rollup(Fixtures.forksThrough(Fork.HOLOCENE), TestChain.L2_CHAIN_ID + 1);
    Bytes data = Gossip.message(otherChain, SEQUENCER, Gossip.block(holocene, 1, T));
    assertEquals(GossipReason.WRONG_SIGNER, validate(holocene, 3, data, T).reason(),
        "the chain id is in the signing hash, so the signature recovers to another key");
  }

  @Test
  void theSignatureIsCheckedBeforeTheLayoutAndTheTime() {
    ExecutionPayloadEnvelope block = Gossip.block(holocene, 1, T);
    Bytes data = Gossip.message(holocene, STRANGER, block);
    assertEquals(GossipReason.WRONG_SIGNER, validate(holocene, 1, data, T + 1_000).reason());
  }

  @Test
  void snappyAndSizeRulesComeFirst() {
    assertEquals(GossipReason.SNAPPY_HEADER_INVALID, validate(holocene, 3, Bytes.fromHex("0xff"), T).reason());
    assertEquals(GossipReason.TOO_LARGE, validate(holocene, 3, Bytes.fromHex("0x81808005"), T).reason(),
        "a header declaring 10 MiB + 1 is refused before decoding");
    assertEquals(GossipReason.TOO_SMALL, validate(holocene, 3, Bytes.of(SnappyBlock.encode(new byte[65])), T).reason());
    byte[] corrupt = SnappyBlock.encode(Gossip.uncompressed(holocene, SEQUENCER, Gossip.block(holocene, 1, T)));
    corrupt = java.util.Arrays.copyOf(corrupt, corrupt.length - 10);
    assertEquals(GossipReason.SNAPPY_INVALID, validate(holocene, 3, Bytes.of(corrupt), T).reason());
    assertEquals(GossipReason.UNKNOWN_TOPIC, validate(holocene, 5, Bytes.fromHex("0x00"), T).reason());
    assertEquals(GossipOutcome.REJECT, GossipReason.SNAPPY_INVALID.outcome());
  }

  @Test
  void aWrongBlockHashIsRejected() {
    ExecutionPayloadEnvelope block = PayloadBuilder.withHash(Gossip.block(holocene, 1, T), dev.basalt.core.types.Hash32.ZERO);
    assertEquals(GossipReason.BLOCK_HASH_MISMATCH, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, block), T).reason());
  }

  @Test
  void withdrawalsMustBeEmptyFromV2() {
    ExecutionPayloadEnvelope block = Gossip.sealed(holocene, Gossip.edit(Gossip.block(holocene, 1, T),
        p -> Gossip.withWithdrawals(p, List.of(new dev.basalt.core.block.Withdrawal(1, 2, dev.basalt.core.types.Address.ZERO, 3)))));
    assertEquals(GossipReason.WITHDRAWALS, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, block), T).reason());
  }

  @Test
  void blobGasUsedMayBeNonZeroOnlyFromJovianAndExcessBlobGasNever() {
    RollupConfig jovianLater = Gossip.rollup(Fixtures.forkAt(Fork.JOVIAN, T + 100));
    ExecutionPayloadEnvelope before = Gossip.sealed(jovianLater, Gossip.edit(Gossip.block(jovianLater, 1, T),
        p -> Gossip.withBlobGas(p, 1_000, 0)));
    assertEquals(GossipReason.BLOB_GAS, validate(jovianLater, 4, Gossip.message(jovianLater, SEQUENCER, before), T).reason());
    ExecutionPayloadEnvelope after = Gossip.sealed(jovianLater, Gossip.edit(Gossip.block(jovianLater, 2, T + 100),
        p -> Gossip.withBlobGas(p, 1_000, 0)));
    assertEquals(GossipReason.VALID, validate(jovianLater, 4, Gossip.message(jovianLater, SEQUENCER, after), T + 100).reason(),
        "the DA footprint from Jovian");
    ExecutionPayloadEnvelope excess = Gossip.sealed(jovianLater, Gossip.edit(Gossip.block(jovianLater, 3, T + 100),
        p -> Gossip.withBlobGas(p, 0, 5)));
    assertEquals(GossipReason.BLOB_GAS, validate(jovianLater, 4, Gossip.message(jovianLater, SEQUENCER, excess), T + 100).reason());
  }

  @Test
  void aDuplicateIsIgnoredAndTheSeventhBlockAtAHeightRejected() {
    ExecutionPayloadEnvelope first = Gossip.block(holocene, 7, T);
    assertEquals(GossipReason.VALID, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, first), T).reason());
    GossipValidation again = validate(holocene, 3, Gossip.message(holocene, SEQUENCER, first), T);
    assertEquals(GossipReason.DUPLICATE, again.reason());
    assertEquals(GossipOutcome.IGNORE, again.outcome());
    for (int variant = 1; variant <= 5; variant++) {
      ExecutionPayloadEnvelope other = Gossip.variant(holocene, 7, T, variant);
      assertEquals(GossipReason.VALID, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, other), T).reason(), "#" + variant);
    }
    ExecutionPayloadEnvelope seventh = Gossip.variant(holocene, 7, T, 6);
    assertEquals(GossipReason.TOO_MANY_AT_HEIGHT, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, seventh), T).reason());
    assertEquals(GossipReason.TOO_MANY_AT_HEIGHT, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, first), T).reason(),
        "once six are seen even a known one counts as equivocation, as in op-node");
    assertEquals(GossipReason.VALID,
        validate(holocene, 3, Gossip.message(holocene, SEQUENCER, Gossip.block(holocene, 8, T)), T).reason(), "other heights are unaffected");
  }

  @Test
  void theSeenStateSurvivesASnapshotAndTheLeastRecentlyUsedHeightIsEvicted() {
    for (int n = 1; n <= SeenBlocks.MAX_HEIGHTS + 1; n++) {
      ExecutionPayloadEnvelope b = Gossip.block(holocene, n, T);
      assertEquals(GossipReason.VALID, validate(holocene, 3, Gossip.message(holocene, SEQUENCER, b), T).reason());
    }
    BinaryWriter w = new BinaryWriter();
    validator.writeTo(w);
    GossipValidator restored = new GossipValidator();
    restored.readFrom(new BinaryReader(w.toByteArray()));
    assertEquals(SEQUENCER.address(), restored.signer());
    Bytes second = Gossip.message(holocene, SEQUENCER, Gossip.block(holocene, 2, T));
    assertEquals(GossipReason.DUPLICATE, restored.validate(holocene, 3, second, T * 1000).reason());
    Bytes first = Gossip.message(holocene, SEQUENCER, Gossip.block(holocene, 1, T));
    assertEquals(GossipReason.VALID, restored.validate(holocene, 3, first, T * 1000).reason(), "height 1 was evicted");
    BinaryWriter again = new BinaryWriter();
    restored.writeTo(again);
    assertTrue(again.size() > 0);
  }

  @Test
  void blobGasFieldsOfAV3PayloadStayOptionalLongs() {
    ExecutionPayload p = Gossip.block(holocene, 1, T).payload();
    assertEquals(OptionalLong.of(0), p.blobGasUsed());
  }
}
