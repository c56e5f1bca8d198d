package dev.basalt.core.heads;

import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** Canonical descriptions of block references. */
public final class Refs {
  private Refs() {}

  public static void describe(StateVisitor v, String name, L1BlockRef ref) {
    v.beginObject(name);
    v.value("hash", ref.hash());
    v.value("number", ref.number());
    v.value("parentHash", ref.parentHash());
    v.value("timestamp", ref.timestamp());
    v.endObject();
  }

  public static void describe(StateVisitor v, String name, L2BlockRef ref) {
    v.beginObject(name);
    v.value("hash", ref.hash());
    v.value("number", ref.number());
    v.value("parentHash", ref.parentHash());
    v.value("timestamp", ref.timestamp());
    describe(v, "l1origin", ref.l1Origin());
    v.value("sequenceNumber", ref.sequenceNumber());
    v.endObject();
  }

  public static void describe(StateVisitor v, String name, BlockId id) {
    v.beginObject(name);
    v.value("hash", id.hash());
    v.value("number", id.number());
    v.endObject();
  }
}
