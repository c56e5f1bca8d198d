package dev.basalt.testdata.world.rollup;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.batcher.BatcherPayloads;
import dev.basalt.testdata.batcher.ChannelBuilder;
import dev.basalt.testdata.batcher.ChannelFramer;
import dev.basalt.testdata.batcher.EncodedBlob;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.l1.FakeL1;
import dev.basalt.testdata.world.l1.L1Tx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The world's batcher: packs the true chain's unposted blocks into channels (singular batches
 * before Delta, span batches from Delta; zlib before Fjord, brotli from Fjord, unless configured
 * otherwise), cuts them into frames and sends them to the batch inbox from the batcher key, as
 * calldata before Ecotone and as blobs from Ecotone. Decisions that depend on a fork use the L1
 * timestamp of the block the data is meant for, as derivation judges them.
 */
public final class WorldBatcher {
  private static final int MAX_BLOBS_PER_TX = 6;
  /**
   * L1 blocks a node has, after a channel is fully included, to derive it before the batcher takes
   * the safe head's standstill for lost data (op-batcher asks for the node's current L1 to be past
   * the inclusion; the world does not read the node's derivation progress, so it allows for a lag).
   */
  static final int PROGRESS_GRACE_L1_BLOCKS = 10;

  private final RollupConfig rollup;
  private final FakeL1 l1;
  private final TrueChain chain;
  private SigningKey key;
  private final SigningKey intruder;
  private final BatcherConfig config;
  private final SimRng rng;
  private long nextBlock;
  private long blobCapableChannels;
  /** What the batcher did wrong so far, by kind (counted, never drawn: the posts are as before). */
  private final EnumMap<BatcherFaults.Kind, Integer> misbehaved = new EnumMap<>(BatcherFaults.Kind.class);
  /** The highest L2 block of a channel posted with some misbehaviour (0: none yet). */
  private long lastMisbehavedBlock;
  private int restarts;
  /** Channels sent whose inclusion may still change (not yet at or below L1's finalized block), in posting order. */
  private final List<SentChannel> unfinalized = new ArrayList<>();

  /** A channel's first L2 block, the L1 time whose fork rules it was made under, and its transactions. */
  private record SentChannel(long firstBlock, long madeForL1Timestamp, List<Hash32> txs) {}

  public WorldBatcher(RollupConfig rollup, FakeL1 l1, TrueChain chain, SigningKey key, BatcherConfig config, SimRng rng) {
    this.rollup = rollup;
    this.l1 = l1;
    this.chain = chain;
    this.key = key;
    this.config = config;
    this.rng = rng;
    this.intruder = SigningKey.fromBytes(Hash32.wrap(rng.fork("intruder").bytes(32)).toArray());
    this.nextBlock = chain.genesis().number() + 1;
  }

  public SigningKey key() {
    return key;
  }

  /** Posts from {@code newKey} from now on (after a SystemConfig batcher update). */
  public void useKey(SigningKey newKey) {
    key = newKey;
  }

  /**
   * op-batcher's expected-progress check ({@code channelManager.CheckExpectedProgress}): when the
   * channel holding the block after the node's safe head {@code safeNumber} has been fully included
   * for {@link #PROGRESS_GRACE_L1_BLOCKS} L1 blocks by {@code l1Head} and the safe head still has
   * not passed it, the data did not derive (a reorg re-included it in a block under an earlier
   * fork's rules, where brotli, blobs or the frame order it was made for are not valid), and the
   * batcher posts again from the block after the safe head.
   *
   * @return whether the batcher starts again from the block after the safe head
   */
  public boolean checkExpectedProgress(long safeNumber, long l1Head) {
    long next = safeNumber + 1;
    if (next >= nextBlock) {
      return false;
    }
    OptionalLong included = chain.safeAtL1(next, l1.chain());
    if (included.isEmpty() || l1Head < included.getAsLong() + PROGRESS_GRACE_L1_BLOCKS) {
      return false;
    }
    restartFrom(next);
    restarts++;
    return true;
  }

  /** How often {@link #checkExpectedProgress} started posting again from the safe head. */
  public int restarts() {
    return restarts;
  }

  /**
   * The validator world's part of op-batcher's expected-progress check, judged from L1 alone (the
   * sequencer world's feed reads its node's safe head instead; here the node is the one under test,
   * and re-posting on its safe head would hide a node that drops valid data): a channel that a reorg
   * re-included in an L1 block before a fork it was made for (brotli before Fjord, blobs before
   * Ecotone, a span batch before Delta) never derives, so the batcher posts again from its first
   * block. Inclusion later than made for is left alone: the earlier rules stay valid (seed 9122).
   *
   * @return whether the batcher starts again from such a channel's first block
   */
  public boolean checkForkRulesAtInclusion() {
    for (SentChannel c : unfinalized) {
      OptionalLong at = TrueChain.includedAt(c.txs(), l1.chain());
      if (at.isEmpty()) {
        continue;
      }
      long includedTime = l1.chain().byNumber(at.getAsLong()).orElseThrow().timestamp();
      if (includedTime < c.madeForL1Timestamp() && forksDiffer(includedTime, c.madeForL1Timestamp())) {
        restartFrom(c.firstBlock());
        restarts++;
        return true;
      }
    }
    return false;
  }

  /** Whether a fork the batcher's choices depend on (span batches, blobs, brotli) is active at one time only. */
  private boolean forksDiffer(long a, long b) {
    for (Fork f : List.of(Fork.DELTA, Fork.ECOTONE, Fork.FJORD)) {
      if (rollup.isActive(f, a) != rollup.isActive(f, b)) {
        return true;
      }
    }
    return false;
  }

  /** Re-posts from {@code l2Number} on (after the sequencer rewound its chain there). */
  public void restartFrom(long l2Number) {
    nextBlock = Math.min(nextBlock, l2Number);
    unfinalized.removeIf(c -> c.firstBlock() >= l2Number);
  }

  /**
   * Posts every sealed block not posted yet, in channels of at most {@code maxBlocksPerChannel},
   * to the L1 mempool, judging forks by {@code l1Timestamp} (the time of the next L1 block).
   *
   * @return the transactions sent
   */
  public List<L1Tx> post(long l1Timestamp) {
    long finalized = l1.chain().finalized().number();
    unfinalized.removeIf(c -> TrueChain.includedAt(c.txs(), l1.chain()).orElse(Long.MAX_VALUE) <= finalized);
    List<L1Tx> sent = new ArrayList<>();
    while (nextBlock <= chain.head().number()) {
      List<TrueBlock> blocks = new ArrayList<>();
      while (blocks.size() < config.maxBlocksPerChannel() && nextBlock <= chain.head().number()) {
        blocks.add(chain.block(nextBlock++).orElseThrow());
        if (!chain.batchOnlyTxs(nextBlock - 1).isEmpty()) {
          break; // Holocene flushes the rest of the channel after a block the engine rejects: close it here
        }
      }
      sent.addAll(postChannel(blocks, l1Timestamp));
    }
    return sent;
  }

  private List<L1Tx> postChannel(List<TrueBlock> blocks, long l1Timestamp) {
    BatcherFaults faults = config.faults();
    boolean canyon = rollup.isActive(Fork.CANYON, l1Timestamp);
    boolean holocene = rollup.isActive(Fork.HOLOCENE, l1Timestamp);
    List<L1Tx> sent = new ArrayList<>();
    if (canyon && rng.chance(faults.timedOutChannel(), 100)) {
      List<Payload> partial = channelPayloads(blocks, l1Timestamp, true);
      sent.addAll(sign(partial.subList(0, Math.max(1, partial.size() - 1)), key));
      misbehaved(BatcherFaults.Kind.TIMED_OUT_CHANNEL, blocks);
    }
    List<Payload> payloads = channelPayloads(blocks, l1Timestamp, false);
    if (!holocene && rng.chance(faults.outOfOrderFrames(), 100)) {
      payloads = new ArrayList<>(payloads.reversed());
      misbehaved(BatcherFaults.Kind.OUT_OF_ORDER_FRAMES, blocks);
    }
    if (rng.chance(faults.garbage(), 100)) {
      sent.add(garbage(l1Timestamp));
      misbehaved(BatcherFaults.Kind.GARBAGE, blocks);
    }
    if (rng.chance(faults.unauthorised(), 100)) {
      sent.addAll(sign(payloads, intruder));
      misbehaved(BatcherFaults.Kind.UNAUTHORISED, blocks);
    }
    List<L1Tx> txs = sign(payloads, key);
    sent.addAll(txs);
    if (canyon && !holocene && rng.chance(faults.duplicateFrames(), 100)) {
      // The same frames again in new transactions: the channel bank ignores frames it already has.
      sent.addAll(sign(payloads, key));
      misbehaved(BatcherFaults.Kind.DUPLICATE_FRAMES, blocks);
    }
    sent.forEach(l1::submit);
    List<Hash32> hashes = txs.stream().map(L1Tx::hash).toList();
    chain.recordChannel(blocks.stream().map(TrueBlock::number).toList(), hashes);
    unfinalized.add(new SentChannel(blocks.getFirst().number(), l1Timestamp, hashes));
    return sent;
  }

  private void misbehaved(BatcherFaults.Kind kind, List<TrueBlock> blocks) {
    misbehaved.merge(kind, 1, Integer::sum);
    lastMisbehavedBlock = Math.max(lastMisbehavedBlock, blocks.getLast().number());
  }

  /** How often the batcher misbehaved so far, by kind. */
  public EnumMap<BatcherFaults.Kind, Integer> misbehaved() {
    return new EnumMap<>(misbehaved);
  }

  /** The highest L2 block of a channel posted with some misbehaviour (0: none yet). */
  public long lastMisbehavedBlock() {
    return lastMisbehavedBlock;
  }

  /** One transaction's worth of channel data: calldata, or blobs. */
  private record Payload(byte[] calldata, List<EncodedBlob> blobs) {}

  private List<L1Tx> sign(List<Payload> payloads, SigningKey from) {
    List<L1Tx> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(p.blobs() == null
          ? l1.txs().batcherCalldata(from, rollup.batchInboxAddress(), p.calldata())
          : l1.txs().batcherEncodedBlobs(from, rollup.batchInboxAddress(), p.blobs(), config.commitments()));
    }
    return out;
  }

  /**
   * The transaction payloads carrying one channel of {@code blocks}. With {@code singleFrames}
   * every frame goes in its own transaction, so the channel can be cut short by leaving some out.
   */
  private List<Payload> channelPayloads(List<TrueBlock> blocks, long l1Timestamp, boolean singleFrames) {
    ChannelBuilder channel = new ChannelBuilder();
    for (BatchData batch : batches(blocks)) {
      channel.add(batch);
    }
    ChannelCompression compression = config.compression()
        .orElse(rollup.isActive(Fork.FJORD, l1Timestamp) ? ChannelCompression.BROTLI : ChannelCompression.ZLIB);
    byte[] data = channel.compress(compression, config.brotliQuality());
    boolean blobs = config.blobs().orElse(rollup.isActive(Fork.ECOTONE, l1Timestamp) && l1.params().forks().cancun(l1Timestamp));
    if (blobs && config.mixedDa() && !singleFrames) {
      blobs = blobCapableChannels++ % 2 == 0;
    }
    ChannelId id = ChannelId.wrap(rng.bytes(ChannelId.LENGTH));
    int frameBytes = blobs ? BlobCodec.MAX_DATA_BYTES - 1 : config.maxFrameBytes();
    if (singleFrames) {
      // Small frames so that even a small channel has several to leave out.
      frameBytes = Math.max(Frame.OVERHEAD_BYTES + 1, Math.min(frameBytes, data.length / 3 + Frame.OVERHEAD_BYTES + 1));
    }
    List<Frame> frames = ChannelFramer.frames(id, data, frameBytes);
    List<Payload> out = new ArrayList<>();
    if (!blobs) {
      for (byte[] payload : BatcherPayloads.calldata(frames, frameBytes + 1)) {
        out.add(new Payload(payload, null));
      }
      return out;
    }
    List<EncodedBlob> all = singleFrames
        ? frames.stream().map(f -> BatcherPayloads.encodedBlobs(List.of(f)).get(0)).toList()
        : BatcherPayloads.encodedBlobs(frames);
    int perTx = singleFrames ? 1 : MAX_BLOBS_PER_TX;
    for (int i = 0; i < all.size(); i += perTx) {
      out.add(new Payload(null, List.copyOf(all.subList(i, Math.min(all.size(), i + perTx)))));
    }
    return out;
  }

  private List<BatchData> batches(List<TrueBlock> blocks) {
    long firstOriginTime = l1.chain().byHash(blocks.get(0).ref().l1Origin().hash()).orElseThrow().timestamp();
    boolean span = config.spanBatches().orElse(rollup.isActive(Fork.DELTA, firstOriginTime));
    List<BatchData> out = new ArrayList<>();
    SpanBatchBuilder builder = new SpanBatchBuilder(rollup.genesis().l2Time(), rollup.l2ChainId());
    for (TrueBlock b : blocks) {
      SingularBatch batch = withBatchOnly(singular(b), chain.batchOnlyTxs(b.number()));
      if (span) {
        builder.add(batch, b.ref().sequenceNumber());
      } else {
        out.add(batch);
      }
    }
    if (span) {
      out.add(builder.build());
    }
    return out;
  }

  private static SingularBatch withBatchOnly(SingularBatch batch, List<Bytes> extra) {
    if (extra.isEmpty()) {
      return batch;
    }
    List<Bytes> txs = new ArrayList<>(batch.transactions());
    txs.addAll(extra);
    return new SingularBatch(batch.parentHash(), batch.epochNumber(), batch.epochHash(), batch.timestamp(), txs);
  }

  /** The batch for one block: its non-deposit transactions with its parent, origin and time. */
  static SingularBatch singular(TrueBlock b) {
    List<Bytes> all = b.envelope().payload().transactions();
    List<Bytes> txs = new ArrayList<>(all.size());
    for (Bytes tx : all) {
      if (tx.isEmpty() || (tx.get(0) & 0xff) != dev.basalt.core.deposit.DepositTransaction.TYPE) {
        txs.add(tx);
      }
    }
    return new SingularBatch(b.ref().parentHash(), b.ref().l1Origin().number(), b.ref().l1Origin().hash(), b.ref().timestamp(), txs);
  }

  private L1Tx garbage(long l1Timestamp) {
    boolean blob = rollup.isActive(Fork.ECOTONE, l1Timestamp) && l1.params().forks().cancun(l1Timestamp) && rng.nextBoolean();
    if (blob) {
      byte[] junk = rng.bytes(Blob.SIZE_BYTES);
      // Byte 0 of each field element cleared keeps it below the BLS modulus, so it still has a commitment.
      for (int i = 0; i < junk.length; i += Blob.FIELD_ELEMENT_BYTES) {
        junk[i] = 0;
      }
      return l1.txs().batcherBlobs(key, rollup.batchInboxAddress(), List.of(Blob.wrap(junk)), config.commitments());
    }
    byte[] data = rng.bytes(1 + rng.nextInt(200));
    data[0] = 0;
    return l1.txs().batcherCalldata(key, rollup.batchInboxAddress(), data);
  }
}
