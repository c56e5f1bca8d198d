package dev.basalt.core.derive.pipeline;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ConfigCodec;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot encodings and state descriptions of the values the stages hold. Snapshots are read
 * back with generous bounds: they only guard against a corrupt snapshot allocating absurdly.
 */
public final class PipelineCodec {
  /** Bound on any list in a pipeline snapshot. */
  public static final int MAX_ITEMS = 10_000_000;

  private PipelineCodec() {}

  public static void writeFrame(BinaryWriter w, Frame f) {
    w.raw(f.channelId().toArray(), 0, ChannelId.LENGTH).i32(f.number()).bytes(f.data()).bool(f.isLast());
  }

  public static Frame readFrame(BinaryReader r) {
    byte[] id = new byte[ChannelId.LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = (byte) r.u8();
    }
    int number = r.count(Frame.MAX_NUMBER, "frame number");
    Bytes data = r.bytes();
    if (data.length() > Frame.MAX_DATA_BYTES) {
      throw new DecodeException("frame data of " + data.length() + " bytes in snapshot");
    }
    return new Frame(ChannelId.wrap(id), number, data, r.bool());
  }

  public static void writeChannelId(BinaryWriter w, ChannelId id) {
    w.raw(id.toArray(), 0, ChannelId.LENGTH);
  }

  public static ChannelId readChannelId(BinaryReader r) {
    byte[] id = new byte[ChannelId.LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = (byte) r.u8();
    }
    return ChannelId.wrap(id);
  }

  public static void writeSingular(BinaryWriter w, SingularBatch b) {
    w.hash(b.parentHash()).i64(b.epochNumber()).hash(b.epochHash()).i64(b.timestamp());
    writeBytesList(w, b.transactions());
  }

  public static SingularBatch readSingular(BinaryReader r) {
    return new SingularBatch(r.hash(), r.i64(), r.hash(), r.i64(), readBytesList(r));
  }

  public static void writeSpan(BinaryWriter w, SpanBatch b) {
    w.bytes(b.parentCheck()).bytes(b.l1OriginCheck()).i32(b.elements().size());
    for (SpanBatchElement e : b.elements()) {
      w.i64(e.epochNumber()).i64(e.timestamp());
      writeBytesList(w, e.transactions());
    }
  }

  public static SpanBatch readSpan(BinaryReader r) {
    Bytes parentCheck = r.bytes();
    Bytes originCheck = r.bytes();
    int n = r.count(MAX_ITEMS, "span batch elements");
    List<SpanBatchElement> elements = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      elements.add(new SpanBatchElement(r.i64(), r.i64(), readBytesList(r)));
    }
    try {
      return new SpanBatch(parentCheck, originCheck, elements);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad span batch in snapshot: " + e.getMessage());
    }
  }

  public static void writeBytesList(BinaryWriter w, List<Bytes> items) {
    w.i32(items.size());
    for (Bytes b : items) {
      w.bytes(b);
    }
  }

  public static List<Bytes> readBytesList(BinaryReader r) {
    int n = r.count(MAX_ITEMS, "byte strings");
    List<Bytes> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(r.bytes());
    }
    return out;
  }

  public static void writeRefs(BinaryWriter w, List<L1BlockRef> refs) {
    w.i32(refs.size());
    for (L1BlockRef ref : refs) {
      ValueCodec.write(w, ref);
    }
  }

  public static List<L1BlockRef> readRefs(BinaryReader r) {
    int n = r.count(MAX_ITEMS, "L1 block refs");
    List<L1BlockRef> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(ValueCodec.readL1BlockRef(r));
    }
    return out;
  }

  /** An optional value: a presence flag, then the value. */
  public static void writeOptionalRef(BinaryWriter w, L1BlockRef ref) {
    w.bool(ref != null);
    if (ref != null) {
      ValueCodec.write(w, ref);
    }
  }

  public static L1BlockRef readOptionalRef(BinaryReader r) {
    return r.bool() ? ValueCodec.readL1BlockRef(r) : null;
  }

  public static void writeL2BlockInfo(BinaryWriter w, L2BlockInfo info) {
    ValueCodec.write(w, info.ref());
    ConfigCodec.write(w, info.systemConfig());
    writeBytesList(w, info.transactions());
  }

  public static L2BlockInfo readL2BlockInfo(BinaryReader r) {
    return new L2BlockInfo(ValueCodec.readL2BlockRef(r), ConfigCodec.readSystemConfig(r), readBytesList(r));
  }

  /** Describes an L2 block by its reference and the Keccak-256 of its full encoding. */
  public static void describeL2BlockInfo(StateVisitor v, String name, L2BlockInfo info) {
    v.beginObject(name);
    Refs.describe(v, "ref", info.ref());
    BinaryWriter encoded = new BinaryWriter();
    writeL2BlockInfo(encoded, info);
    v.value("encodingKeccak", Keccak.hash(encoded.buffer(), 0, encoded.size()));
    v.endObject();
  }

  /**
   * Describes a possibly large byte string by its length and Keccak-256: the state hash stays
   * exact and {@code replay inspect} stays readable.
   */
  public static void describeBytes(StateVisitor v, String name, Bytes data) {
    v.beginObject(name);
    v.value("length", data.length());
    v.value("keccak", Keccak.hash(data));
    v.endObject();
  }

  public static void describeFrame(StateVisitor v, Frame f) {
    v.beginObject(null);
    v.value("channelId", f.channelId().toHex());
    v.value("number", f.number());
    describeBytes(v, "data", f.data());
    v.value("isLast", f.isLast());
    v.endObject();
  }

  public static void describeSingular(StateVisitor v, String name, SingularBatch b) {
    v.beginObject(name);
    v.value("parentHash", b.parentHash());
    v.value("epochNumber", b.epochNumber());
    v.value("epochHash", b.epochHash());
    v.value("timestamp", b.timestamp());
    v.beginArray("transactions");
    for (Bytes tx : b.transactions()) {
      v.value(null, Keccak.hash(tx));
    }
    v.endArray();
    v.endObject();
  }

  public static void describeSpan(StateVisitor v, String name, SpanBatch b) {
    v.beginObject(name);
    v.value("parentCheck", b.parentCheck());
    v.value("l1OriginCheck", b.l1OriginCheck());
    v.beginArray("elements");
    for (SpanBatchElement e : b.elements()) {
      v.beginObject(null);
      v.value("epochNumber", e.epochNumber());
      v.value("timestamp", e.timestamp());
      v.beginArray("transactions");
      for (Bytes tx : e.transactions()) {
        v.value(null, Keccak.hash(tx));
      }
      v.endArray();
      v.endObject();
    }
    v.endArray();
    v.endObject();
  }

  public static void describeRefs(StateVisitor v, String name, List<L1BlockRef> refs) {
    v.beginArray(name);
    for (L1BlockRef ref : refs) {
      Refs.describe(v, null, ref);
    }
    v.endArray();
  }

  /** Describes an optional reference; absent ones are described as a {@code false} flag. */
  public static void describeOptionalRef(StateVisitor v, String name, L1BlockRef ref) {
    if (ref == null) {
      v.value(name, false);
    } else {
      Refs.describe(v, name, ref);
    }
  }
}
