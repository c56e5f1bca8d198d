package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.event.WakeupFired;

/**
 * Binary payloads of {@link InputEvent}s. The type tag and version travel in the record frame; this
 * class maps each event type to its tag and writes or reads the fields after them.
 *
 * <p>Tags are stable and never reused, even when a type is removed. To change a type's layout,
 * bump its current version and teach {@link #decode} to read every older version too.
 */
public final class EventCodec {
  public static final int NODE_STARTED = 1;
  public static final int CLOCK_TICKED = 2;
  public static final int WAKEUP_FIRED = 3;
  public static final int L1_HEAD_OBSERVED = 4;
  public static final int L1_SAFE_OBSERVED = 5;
  public static final int L1_FINALIZED_OBSERVED = 6;
  public static final int L1_BLOCK_FETCHED = 7;
  public static final int REQUEST_FAILED = 8;
  public static final int ENGINE_RESPONSE_RECEIVED = 9;
  public static final int GOSSIP_PAYLOAD_RECEIVED = 10;
  public static final int ADMIN_REQUEST_RECEIVED = 11;
  public static final int BLOBS_FETCHED = 12;
  public static final int CONDUCTOR_PAYLOAD_COMMITTED = 13;
  public static final int CONDUCTOR_LEADER_CHECKED = 14;
  /** Tags 16-18 belong to block gossip (P2P). */
  public static final int UNSAFE_BLOCK_SIGNER_OBSERVED = 16;

  /** {@code GossipPayloadReceived} version 2 adds the router's message id; version 1 reads with an empty one. */
  private static final int GOSSIP_PAYLOAD_RECEIVED_VERSION = 2;

  /** Every event type is at version 1 so far, except {@code NodeStarted} and {@code GossipPayloadReceived}. */
  private static final int CURRENT_VERSION = 1;

  /**
   * {@code NodeStarted} version 2 adds the sync mode and the verifier's L1 confirmation depth to
   * the configuration; version 1 (without them) still reads, as consensus-layer sync without depth.
   * Version 3 adds the sequencer configuration; version 2 reads with the sequencer's defaults.
   * Version 4 adds the sequencer's op-conductor switch; version 3 reads without the conductor.
   */
  private static final int NODE_STARTED_VERSION = 4;

  private EventCodec() {}

  /** The stable type tag of {@code event}'s type. */
  public static int tag(InputEvent event) {
    return switch (event) {
      case NodeStarted e -> NODE_STARTED;
      case ClockTicked e -> CLOCK_TICKED;
      case WakeupFired e -> WAKEUP_FIRED;
      case L1HeadObserved e -> L1_HEAD_OBSERVED;
      case L1SafeObserved e -> L1_SAFE_OBSERVED;
      case L1FinalizedObserved e -> L1_FINALIZED_OBSERVED;
      case L1BlockFetched e -> L1_BLOCK_FETCHED;
      case BlobsFetched e -> BLOBS_FETCHED;
      case RequestFailed e -> REQUEST_FAILED;
      case EngineResponseReceived e -> ENGINE_RESPONSE_RECEIVED;
      case GossipPayloadReceived e -> GOSSIP_PAYLOAD_RECEIVED;
      case AdminRequestReceived e -> ADMIN_REQUEST_RECEIVED;
      case ConductorPayloadCommitted e -> CONDUCTOR_PAYLOAD_COMMITTED;
      case ConductorLeaderChecked e -> CONDUCTOR_LEADER_CHECKED;
      case UnsafeBlockSignerObserved e -> UNSAFE_BLOCK_SIGNER_OBSERVED;
    };
  }

  /** The version {@link #encode} writes for {@code event}'s type. */
  public static int version(InputEvent event) {
    return switch (event) {
      case NodeStarted e -> NODE_STARTED_VERSION;
      case GossipPayloadReceived e -> GOSSIP_PAYLOAD_RECEIVED_VERSION;
      default -> CURRENT_VERSION;
    };
  }

  /** Writes the fields of {@code event} (not its tag or version). */
  public static void encode(BinaryWriter w, InputEvent event) {
    switch (event) {
      case NodeStarted e -> {
        ValueCodec.write(w, e.config());
        w.i64(e.nowMillis());
      }
      case ClockTicked e -> w.i64(e.nowMillis());
      case WakeupFired e -> w.i64(e.correlationId()).i64(e.nowMillis());
      case L1HeadObserved e -> ValueCodec.write(w, e.head());
      case L1SafeObserved e -> ValueCodec.write(w, e.safe());
      case L1FinalizedObserved e -> ValueCodec.write(w, e.finalized());
      case L1BlockFetched e -> {
        w.i64(e.correlationId());
        ValueCodec.write(w, e.block());
      }
      case BlobsFetched e -> {
        w.i64(e.correlationId()).i32(e.blobs().size());
        e.blobs().forEach(w::bytes);
      }
      case RequestFailed e -> w.i64(e.correlationId()).u8(EnumCodes.code(e.kind())).string(e.detail());
      case EngineResponseReceived e -> {
        w.i64(e.correlationId());
        EngineCodec.write(w, e.response());
      }
      case GossipPayloadReceived e ->
          w.i64(e.receivedAtMillis()).string(e.peerId()).i32(e.topicVersion()).bytes(e.data()).bytes(e.messageId());
      case AdminRequestReceived e -> {
        w.i64(e.requestId());
        RpcCodec.write(w, e.request());
      }
      case ConductorPayloadCommitted e -> w.i64(e.correlationId());
      case ConductorLeaderChecked e -> w.i64(e.correlationId()).bool(e.leader());
      case UnsafeBlockSignerObserved e -> w.address(e.signer());
    }
  }

  /**
   * Reads an event of type {@code tag} at {@code version} and requires that the reader holds
   * nothing after it.
   *
   * @throws DecodeException for an unknown tag, an unsupported version or malformed fields
   */
  public static InputEvent decode(int tag, int version, BinaryReader r) {
    CodecSupport.checkVersion("input event", typeName(tag), tag, version,
        tag == NODE_STARTED ? NODE_STARTED_VERSION : tag == GOSSIP_PAYLOAD_RECEIVED ? GOSSIP_PAYLOAD_RECEIVED_VERSION : CURRENT_VERSION);
    InputEvent event;
    try {
      if (tag == NODE_STARTED && version == 1) {
        event = new NodeStarted(ValueCodec.readCoreConfigV1(r), r.i64());
      } else if (tag == NODE_STARTED && version == 2) {
        event = new NodeStarted(ValueCodec.readCoreConfigV2(r), r.i64());
      } else if (tag == NODE_STARTED && version == 3) {
        event = new NodeStarted(ValueCodec.readCoreConfigV3(r), r.i64());
      } else if (tag == GOSSIP_PAYLOAD_RECEIVED && version == 1) {
        event = new GossipPayloadReceived(r.i64(), r.string(), r.i32(), r.bytes());
      } else {
        event = decodeFields(tag, r);
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // A value type rejected a decoded field: the bytes are wrong, not the program.
      throw new DecodeException(typeName(tag) + ": " + e.getMessage());
    }
    r.expectEnd(typeName(tag));
    return event;
  }

  private static InputEvent decodeFields(int tag, BinaryReader r) {
    return switch (tag) {
      case NODE_STARTED -> new NodeStarted(ValueCodec.readCoreConfig(r), r.i64());
      case CLOCK_TICKED -> new ClockTicked(r.i64());
      case WAKEUP_FIRED -> new WakeupFired(r.i64(), r.i64());
      case L1_HEAD_OBSERVED -> new L1HeadObserved(ValueCodec.readL1BlockRef(r));
      case L1_SAFE_OBSERVED -> new L1SafeObserved(ValueCodec.readL1BlockRef(r));
      case L1_FINALIZED_OBSERVED -> new L1FinalizedObserved(ValueCodec.readL1BlockRef(r));
      case L1_BLOCK_FETCHED -> new L1BlockFetched(r.i64(), ValueCodec.readL1Block(r));
      case BLOBS_FETCHED -> readBlobsFetched(r);
      case REQUEST_FAILED -> new RequestFailed(r.i64(), EnumCodes.readFailureKind(r), r.string());
      case ENGINE_RESPONSE_RECEIVED -> new EngineResponseReceived(r.i64(), EngineCodec.readEngineResponse(r));
      case GOSSIP_PAYLOAD_RECEIVED -> new GossipPayloadReceived(r.i64(), r.string(), r.i32(), r.bytes(), r.bytes());
      case ADMIN_REQUEST_RECEIVED -> new AdminRequestReceived(r.i64(), RpcCodec.readAdminRequest(r));
      case CONDUCTOR_PAYLOAD_COMMITTED -> new ConductorPayloadCommitted(r.i64());
      case CONDUCTOR_LEADER_CHECKED -> new ConductorLeaderChecked(r.i64(), r.bool());
      case UNSAFE_BLOCK_SIGNER_OBSERVED -> new UnsafeBlockSignerObserved(r.address());
      default -> throw new DecodeException("unknown input event type tag " + tag);
    };
  }

  /** The type name for a known tag; throws {@link DecodeException} for an unknown one. */
  public static String typeName(int tag) {
    return switch (tag) {
      case NODE_STARTED -> "NodeStarted";
      case CLOCK_TICKED -> "ClockTicked";
      case WAKEUP_FIRED -> "WakeupFired";
      case L1_HEAD_OBSERVED -> "L1HeadObserved";
      case L1_SAFE_OBSERVED -> "L1SafeObserved";
      case L1_FINALIZED_OBSERVED -> "L1FinalizedObserved";
      case L1_BLOCK_FETCHED -> "L1BlockFetched";
      case BLOBS_FETCHED -> "BlobsFetched";
      case REQUEST_FAILED -> "RequestFailed";
      case ENGINE_RESPONSE_RECEIVED -> "EngineResponseReceived";
      case GOSSIP_PAYLOAD_RECEIVED -> "GossipPayloadReceived";
      case ADMIN_REQUEST_RECEIVED -> "AdminRequestReceived";
      case CONDUCTOR_PAYLOAD_COMMITTED -> "ConductorPayloadCommitted";
      case CONDUCTOR_LEADER_CHECKED -> "ConductorLeaderChecked";
      case UNSAFE_BLOCK_SIGNER_OBSERVED -> "UnsafeBlockSignerObserved";
      default -> throw new DecodeException("unknown input event type tag " + tag);
    };
  }

  /** A block carries at most a few dozen blobs; this bound only stops corrupt counts early. */
  private static final int MAX_BLOBS = 4_096;

  private static BlobsFetched readBlobsFetched(BinaryReader r) {
    long correlationId = r.i64();
    int n = r.count(MAX_BLOBS, "blobs");
    java.util.List<dev.basalt.core.types.Bytes> blobs = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      blobs.add(r.bytes());
    }
    return new BlobsFetched(correlationId, blobs);
  }
}
