package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.HaltNode;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;

/**
 * Binary form of {@link Command}s: a u16 type tag, a u8 version, then the fields. Commands travel
 * inside output records, several per record, so each carries its own tag and version.
 *
 * <p>Tags are stable and never reused. To change a type's layout, bump its current version and
 * teach {@link #read} to read every older version too.
 */
public final class CommandCodec {
  public static final int FETCH_L1_BLOCK = 1;
  public static final int FETCH_ENGINE_HEADS = 2;
  public static final int SEND_FORKCHOICE_UPDATE = 3;
  public static final int SCHEDULE_WAKEUP = 4;
  public static final int RESPOND_RPC = 5;
  public static final int PUBLISH_SYNC_STATUS = 6;
  public static final int FETCH_BLOBS = 7;
  public static final int FETCH_L2_BLOCK = 8;
  public static final int SEND_NEW_PAYLOAD = 9;
  public static final int GET_PAYLOAD = 10;
  public static final int RECORD_SAFE_HEAD = 11;
  public static final int REWIND_SAFE_HEADS = 12;
  public static final int HALT_NODE = 13;
  public static final int PUBLISH_PAYLOAD = 14;
  public static final int COMMIT_UNSAFE_PAYLOAD = 15;
  public static final int CHECK_CONDUCTOR_LEADER = 16;
  public static final int PERSIST_SEQUENCER_STATE = 17;
  /** Tags 18-20 belong to block gossip (P2P). */
  public static final int RESOLVE_GOSSIP_MESSAGE = 18;

  /** Smallest encoding of a command (tag and version), used to bound list counts. */
  public static final int MIN_ENCODED_BYTES = 3;

  /** Every command type is at version 1 so far. */
  private static final int CURRENT_VERSION = 1;

  private CommandCodec() {}

  /** The stable type tag of {@code command}'s type. */
  public static int tag(Command command) {
    return switch (command) {
      case FetchL1Block c -> FETCH_L1_BLOCK;
      case FetchBlobs c -> FETCH_BLOBS;
      case FetchL2Block c -> FETCH_L2_BLOCK;
      case SendNewPayload c -> SEND_NEW_PAYLOAD;
      case GetPayload c -> GET_PAYLOAD;
      case RecordSafeHead c -> RECORD_SAFE_HEAD;
      case RewindSafeHeads c -> REWIND_SAFE_HEADS;
      case FetchEngineHeads c -> FETCH_ENGINE_HEADS;
      case SendForkchoiceUpdate c -> SEND_FORKCHOICE_UPDATE;
      case ScheduleWakeup c -> SCHEDULE_WAKEUP;
      case RespondRpc c -> RESPOND_RPC;
      case PublishSyncStatus c -> PUBLISH_SYNC_STATUS;
      case HaltNode c -> HALT_NODE;
      case PublishPayload c -> PUBLISH_PAYLOAD;
      case CommitUnsafePayload c -> COMMIT_UNSAFE_PAYLOAD;
      case CheckConductorLeader c -> CHECK_CONDUCTOR_LEADER;
      case PersistSequencerState c -> PERSIST_SEQUENCER_STATE;
      case ResolveGossipMessage c -> RESOLVE_GOSSIP_MESSAGE;
    };
  }

  /** Writes tag, version and fields of {@code command}. */
  public static void write(BinaryWriter w, Command command) {
    CodecSupport.writeU16(w, tag(command));
    w.u8(CURRENT_VERSION);
    switch (command) {
      case FetchL1Block c -> w.i64(c.correlationId()).i64(c.number());
      case FetchBlobs c -> {
        w.i64(c.correlationId());
        ValueCodec.write(w, c.block());
        w.i32(c.hashes().size());
        c.hashes().forEach(h -> ValueCodec.write(w, h));
      }
      case FetchEngineHeads c -> w.i64(c.correlationId());
      case SendForkchoiceUpdate c -> {
        w.i64(c.correlationId());
        EngineCodec.write(w, c.state());
        w.bool(c.attributes().isPresent());
        c.attributes().ifPresent(a -> PayloadCodec.write(w, a));
        w.u8(c.version());
      }
      case FetchL2Block c -> {
        w.i64(c.correlationId());
        writeSelector(w, c.selector());
      }
      case SendNewPayload c -> {
        w.i64(c.correlationId());
        PayloadCodec.write(w, c.envelope());
        w.u8(c.version());
      }
      case GetPayload c -> w.i64(c.correlationId()).i64(c.payloadId().value()).u8(c.version());
      case RecordSafeHead c -> {
        ValueCodec.write(w, c.l1());
        ValueCodec.write(w, c.safeHead());
      }
      case RewindSafeHeads c -> w.i64(c.fromL1Number());
      case ScheduleWakeup c -> w.i64(c.correlationId()).i64(c.atMillis());
      case RespondRpc c -> {
        w.i64(c.requestId());
        RpcCodec.write(w, c.outcome());
      }
      case PublishSyncStatus c -> SyncStatusCodec.write(w, c.status());
      case HaltNode c -> w.string(c.reason());
      case PublishPayload c -> {
        PayloadCodec.write(w, c.envelope());
        w.hash(c.signingHash());
      }
      case CommitUnsafePayload c -> {
        w.i64(c.correlationId());
        PayloadCodec.write(w, c.envelope());
      }
      case CheckConductorLeader c -> w.i64(c.correlationId());
      case PersistSequencerState c -> w.bool(c.started());
      case ResolveGossipMessage c -> {
        w.bytes(c.messageId()).string(c.peerId()).i32(c.topicVersion()).u8(c.reason().code()).string(c.detail());
        w.bool(c.block().isPresent());
        c.block().ifPresent(b -> ValueCodec.write(w, b));
      }
    }
  }

  /**
   * Reads one command written by {@link #write}.
   *
   * @throws DecodeException for an unknown tag, an unsupported version or malformed fields
   */
  public static Command read(BinaryReader r) {
    int tag = CodecSupport.readU16(r);
    int version = r.u8();
    CodecSupport.checkVersion("command", typeName(tag), tag, version, CURRENT_VERSION);
    try {
      return readFields(tag, r);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DecodeException(typeName(tag) + ": " + e.getMessage());
    }
  }

  private static Command readFields(int tag, BinaryReader r) {
    return switch (tag) {
      case FETCH_L1_BLOCK -> new FetchL1Block(r.i64(), r.u63("block number"));
      case FETCH_BLOBS -> readFetchBlobs(r);
      case FETCH_ENGINE_HEADS -> new FetchEngineHeads(r.i64());
      case SEND_FORKCHOICE_UPDATE -> {
        long id = r.i64();
        var state = EngineCodec.readForkchoiceState(r);
        var attributes = r.bool() ? java.util.Optional.of(PayloadCodec.readAttributes(r)) : java.util.Optional.<dev.basalt.core.engine.PayloadAttributes>empty();
        yield new SendForkchoiceUpdate(id, state, attributes, r.u8());
      }
      case FETCH_L2_BLOCK -> new FetchL2Block(r.i64(), readSelector(r));
      case SEND_NEW_PAYLOAD -> new SendNewPayload(r.i64(), PayloadCodec.readEnvelope(r), r.u8());
      case GET_PAYLOAD -> new GetPayload(r.i64(), new dev.basalt.core.engine.PayloadId(r.i64()), r.u8());
      case RECORD_SAFE_HEAD -> new RecordSafeHead(ValueCodec.readBlockId(r), ValueCodec.readL2BlockRef(r));
      case REWIND_SAFE_HEADS -> new RewindSafeHeads(r.u63("L1 number"));
      case SCHEDULE_WAKEUP -> new ScheduleWakeup(r.i64(), r.i64());
      case RESPOND_RPC -> new RespondRpc(r.i64(), RpcCodec.readRpcOutcome(r));
      case PUBLISH_SYNC_STATUS -> new PublishSyncStatus(SyncStatusCodec.read(r));
      case HALT_NODE -> new HaltNode(r.string());
      case PUBLISH_PAYLOAD -> new PublishPayload(PayloadCodec.readEnvelope(r), r.hash());
      case COMMIT_UNSAFE_PAYLOAD -> new CommitUnsafePayload(r.i64(), PayloadCodec.readEnvelope(r));
      case CHECK_CONDUCTOR_LEADER -> new CheckConductorLeader(r.i64());
      case PERSIST_SEQUENCER_STATE -> new PersistSequencerState(r.bool());
      case RESOLVE_GOSSIP_MESSAGE -> new ResolveGossipMessage(r.bytes(), r.string(), r.i32(),
          dev.basalt.core.p2p.GossipReason.ofCode(r.u8()), r.string(),
          r.bool() ? java.util.Optional.of(ValueCodec.readBlockId(r)) : java.util.Optional.empty());
      default -> throw new DecodeException("unknown command type tag " + tag);
    };
  }

  /** The type name for a known tag; throws {@link DecodeException} for an unknown one. */
  public static String typeName(int tag) {
    return switch (tag) {
      case FETCH_L1_BLOCK -> "FetchL1Block";
      case FETCH_BLOBS -> "FetchBlobs";
      case FETCH_L2_BLOCK -> "FetchL2Block";
      case SEND_NEW_PAYLOAD -> "SendNewPayload";
      case GET_PAYLOAD -> "GetPayload";
      case RECORD_SAFE_HEAD -> "RecordSafeHead";
      case REWIND_SAFE_HEADS -> "RewindSafeHeads";
      case FETCH_ENGINE_HEADS -> "FetchEngineHeads";
      case SEND_FORKCHOICE_UPDATE -> "SendForkchoiceUpdate";
      case SCHEDULE_WAKEUP -> "ScheduleWakeup";
      case RESPOND_RPC -> "RespondRpc";
      case PUBLISH_SYNC_STATUS -> "PublishSyncStatus";
      case HALT_NODE -> "HaltNode";
      case PUBLISH_PAYLOAD -> "PublishPayload";
      case COMMIT_UNSAFE_PAYLOAD -> "CommitUnsafePayload";
      case CHECK_CONDUCTOR_LEADER -> "CheckConductorLeader";
      case PERSIST_SEQUENCER_STATE -> "PersistSequencerState";
      case RESOLVE_GOSSIP_MESSAGE -> "ResolveGossipMessage";
      default -> throw new DecodeException("unknown command type tag " + tag);
    };
  }

  /** Far above the blobs one L1 block can carry; stops corrupt counts before allocating. */
  private static final int MAX_BLOB_HASHES = 4_096;

  private static FetchBlobs readFetchBlobs(BinaryReader r) {
    long correlationId = r.i64();
    var block = ValueCodec.readL1BlockRef(r);
    int n = r.count(MAX_BLOB_HASHES, "blob hashes");
    java.util.List<dev.basalt.core.l1.IndexedBlobHash> hashes = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      hashes.add(ValueCodec.readIndexedBlobHash(r));
    }
    return new FetchBlobs(correlationId, block, hashes);
  }

  private static void writeSelector(BinaryWriter w, L2BlockSelector selector) {
    switch (selector) {
      case L2BlockSelector.ByNumber s -> w.u8(1).i64(s.number());
      case L2BlockSelector.ByHash s -> w.u8(2).hash(s.hash());
      case L2BlockSelector.ByLabel s -> w.u8(3).u8(s.label().ordinal());
    }
  }

  private static L2BlockSelector readSelector(BinaryReader r) {
    int kind = r.u8();
    return switch (kind) {
      case 1 -> new L2BlockSelector.ByNumber(r.u63("block number"));
      case 2 -> new L2BlockSelector.ByHash(r.hash());
      case 3 -> new L2BlockSelector.ByLabel(r.enumValue(L2BlockSelector.Label.values(), "block label"));
      default -> throw new DecodeException("unknown L2 block selector " + kind);
    };
  }
}
