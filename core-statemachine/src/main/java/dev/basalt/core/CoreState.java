package dev.basalt.core;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.derive.driver.DerivationDriver;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.finality.Finalizer;
import dev.basalt.core.flow.Requests;
import dev.basalt.core.heads.L1Heads;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.sequencer.Sequencer;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/**
 * Everything the {@link Core} holds between events: its components and the few values of its own,
 * shared by the event routing ({@link EventRouter}) and the signal delivery ({@link SignalRouter}).
 * It owns the snapshot layout after the version byte ({@link #writeTo}/{@link #readFrom}) and the
 * canonical description the state hash is taken over; both orders are part of the snapshot format
 * and the state hash, so they change only with {@link Core#SNAPSHOT_VERSION}.
 */
final class CoreState {
  CoreConfig config;
  long nowMillis;
  long eventsApplied;
  long gossipMessagesReceived;
  /** Why the node halted, or empty while it runs. */
  String haltReason = "";

  final Requests requests = new Requests();
  final L1Heads l1Heads = new L1Heads();
  final EngineController engine;
  final DerivationDriver derivation;
  final Finalizer finalizer = new Finalizer();
  final Sequencer sequencer;
  final GossipValidator gossip;

  CoreState(CoreMemos memos) {
    this.engine = new EngineController(memos.payloadInfo());
    this.derivation = new DerivationDriver(new SenderMemo(memos.recoveries()), memos.channels(), memos.payloadInfo(), memos.attributes());
    this.gossip = new GossipValidator(memos.recoveries());
    this.sequencer = new Sequencer(memos.attributes());
  }

  L1BlockRef l1Head() {
    return l1Heads.head();
  }

  /** Writes the state after the snapshot's version byte. Only valid between events. */
  void writeTo(BinaryWriter w) {
    w.bool(config != null);
    w.i64(nowMillis).i64(eventsApplied).i64(gossipMessagesReceived).string(haltReason);
    requests.writeTo(w);
    l1Heads.writeTo(w);
    gossip.writeTo(w);
    if (config != null) {
      ValueCodec.write(w, config);
      engine.writeTo(w);
      derivation.writeTo(w);
      finalizer.writeTo(w);
      sequencer.writeTo(w);
    }
  }

  /** Reads what {@link #writeTo} wrote into this fresh state. */
  void readFrom(BinaryReader r) {
    boolean configured = r.bool();
    nowMillis = r.i64();
    eventsApplied = r.u63("events applied");
    gossipMessagesReceived = r.u63("gossip count");
    haltReason = r.string();
    requests.readFrom(r);
    l1Heads.readFrom(r);
    gossip.readFrom(r);
    if (configured) {
      config = ValueCodec.readCoreConfig(r);
      engine.configure(config);
      derivation.configure(config);
      sequencer.configure(config);
      engine.readFrom(r);
      derivation.readFrom(r);
      finalizer.readFrom(r);
      sequencer.readFrom(r);
    }
  }

  void describeTo(StateVisitor v) {
    v.beginObject("config");
    if (config != null) {
      v.value("l1ChainId", config.l1ChainId());
      v.value("l2ChainId", config.l2ChainId());
      v.value("mode", config.mode().name());
      v.value("syncMode", config.syncMode().name());
      // The full configuration is hashed through its canonical encoding.
      BinaryWriter encoded = new BinaryWriter();
      ValueCodec.write(encoded, config);
      v.value("encoding", Bytes.of(encoded.buffer(), 0, encoded.size()));
    }
    v.endObject();
    v.value("nowMillis", nowMillis);
    v.value("eventsApplied", eventsApplied);
    v.value("gossipMessagesReceived", gossipMessagesReceived);
    v.value("haltReason", haltReason);
    v.beginObject("requests");
    requests.describeTo(v);
    v.endObject();
    v.beginObject("l1");
    l1Heads.describeTo(v);
    v.endObject();
    v.beginObject("gossip");
    gossip.describeTo(v);
    v.endObject();
    if (config != null) {
      v.beginObject("engine");
      engine.describeTo(v);
      v.endObject();
      v.beginObject("derivation");
      derivation.describeTo(v);
      v.endObject();
      v.beginObject("finalizer");
      finalizer.describeTo(v);
      v.endObject();
      v.beginObject("sequencer");
      sequencer.describeTo(v);
      v.endObject();
    }
  }
}
