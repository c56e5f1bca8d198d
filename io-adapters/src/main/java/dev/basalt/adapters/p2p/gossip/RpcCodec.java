package dev.basalt.adapters.p2p.gossip;

import dev.basalt.adapters.p2p.wire.ProtoReader;
import dev.basalt.adapters.p2p.wire.ProtoWriter;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written protobuf codec of {@link Rpc} ({@code rpc.proto} field numbers: RPC 1 subscriptions,
 * 2 publish, 3 control; Message 1 from, 2 data, 3 seqno, 4 topic, 5 signature, 6 key; ControlMessage
 * 1 ihave, 2 iwant, 3 graft, 4 prune, 5 idontwant; Prune 1 topic, 2 peers, 3 backoff). Unknown fields
 * are skipped; counts are bounded so a peer cannot make us build huge lists from one RPC.
 */
public final class RpcCodec {
  /** Far above what honest peers send in one RPC (go's default caps IHAVE at 5000 ids). */
  public static final int MAX_ENTRIES = 20_000;

  private RpcCodec() {}

  public static byte[] encode(Rpc rpc) {
    ProtoWriter w = new ProtoWriter();
    for (Rpc.SubOpts s : rpc.subscriptions()) {
      w.bytes(1, new ProtoWriter().varint(1, s.subscribe() ? 1 : 0).string(2, s.topic()).toByteArray());
    }
    for (Rpc.Message m : rpc.publish()) {
      w.bytes(2, message(m));
    }
    if (!rpc.control().isEmpty()) {
      w.bytes(3, control(rpc.control()));
    }
    return w.toByteArray();
  }

  private static byte[] message(Rpc.Message m) {
    ProtoWriter w = new ProtoWriter();
    if (m.from() != null) {
      w.bytes(1, m.from());
    }
    w.bytes(2, m.data());
    if (m.seqno() != null) {
      w.bytes(3, m.seqno());
    }
    w.string(4, m.topic());
    if (m.signature() != null) {
      w.bytes(5, m.signature());
    }
    if (m.key() != null) {
      w.bytes(6, m.key());
    }
    return w.toByteArray();
  }

  private static byte[] control(Rpc.Control c) {
    ProtoWriter w = new ProtoWriter();
    for (Rpc.IHave h : c.ihave()) {
      ProtoWriter x = new ProtoWriter().string(1, h.topic());
      h.messageIds().forEach(id -> x.bytes(2, id));
      w.bytes(1, x.toByteArray());
    }
    for (Rpc.IWant i : c.iwant()) {
      ProtoWriter x = new ProtoWriter();
      i.messageIds().forEach(id -> x.bytes(1, id));
      w.bytes(2, x.toByteArray());
    }
    for (Rpc.Graft g : c.graft()) {
      w.bytes(3, new ProtoWriter().string(1, g.topic()).toByteArray());
    }
    for (Rpc.Prune p : c.prune()) {
      ProtoWriter x = new ProtoWriter().string(1, p.topic());
      if (p.backoffSeconds() > 0) {
        x.varint(3, p.backoffSeconds());
      }
      w.bytes(4, x.toByteArray());
    }
    for (Rpc.IWant i : c.idontwant()) {
      ProtoWriter x = new ProtoWriter();
      i.messageIds().forEach(id -> x.bytes(1, id));
      w.bytes(5, x.toByteArray());
    }
    return w.toByteArray();
  }

  public static Rpc decode(byte[] in) throws WireException {
    List<Rpc.SubOpts> subs = new ArrayList<>();
    List<Rpc.Message> msgs = new ArrayList<>();
    Rpc.Control control = Rpc.Control.EMPTY;
    ProtoReader r = new ProtoReader(in);
    int entries = 0;
    while (r.next()) {
      if (++entries > MAX_ENTRIES) {
        throw new WireException("RPC with more than " + MAX_ENTRIES + " entries");
      }
      switch (r.field()) {
        case 1 -> subs.add(subOpts(r.bytes()));
        case 2 -> msgs.add(readMessage(r.bytes()));
        case 3 -> control = control.plus(readControl(r.bytes()));
        default -> {}
      }
    }
    return new Rpc(subs, msgs, control);
  }

  private static Rpc.SubOpts subOpts(byte[] in) throws WireException {
    ProtoReader r = new ProtoReader(in);
    boolean subscribe = false;
    String topic = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> subscribe = r.varint() != 0;
        case 2 -> topic = r.string();
        default -> {}
      }
    }
    if (topic == null) {
      throw new WireException("subscription without a topic");
    }
    return new Rpc.SubOpts(subscribe, topic);
  }

  private static Rpc.Message readMessage(byte[] in) throws WireException {
    ProtoReader r = new ProtoReader(in);
    byte[] from = null;
    byte[] data = new byte[0];
    byte[] seqno = null;
    String topic = null;
    byte[] signature = null;
    byte[] key = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> from = r.bytes();
        case 2 -> data = r.bytes();
        case 3 -> seqno = r.bytes();
        case 4 -> topic = r.string();
        case 5 -> signature = r.bytes();
        case 6 -> key = r.bytes();
        default -> {}
      }
    }
    if (topic == null) {
      throw new WireException("message without a topic");
    }
    return new Rpc.Message(from, data, seqno, topic, signature, key);
  }

  private static Rpc.Control readControl(byte[] in) throws WireException {
    List<Rpc.IHave> ihave = new ArrayList<>();
    List<Rpc.IWant> iwant = new ArrayList<>();
    List<Rpc.Graft> graft = new ArrayList<>();
    List<Rpc.Prune> prune = new ArrayList<>();
    List<Rpc.IWant> idontwant = new ArrayList<>();
    ProtoReader r = new ProtoReader(in);
    while (r.next()) {
      switch (r.field()) {
        case 1 -> ihave.add(readIHave(r.bytes()));
        case 2 -> iwant.add(new Rpc.IWant(ids(r.bytes(), 1)));
        case 3 -> graft.add(new Rpc.Graft(topicOf(r.bytes())));
        case 4 -> prune.add(readPrune(r.bytes()));
        case 5 -> idontwant.add(new Rpc.IWant(ids(r.bytes(), 1)));
        default -> {}
      }
    }
    return new Rpc.Control(ihave, iwant, graft, prune, idontwant);
  }

  private static Rpc.IHave readIHave(byte[] in) throws WireException {
    ProtoReader r = new ProtoReader(in);
    String topic = "";
    List<byte[]> ids = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> topic = r.string();
        case 2 -> ids.add(r.bytes());
        default -> {}
      }
    }
    return new Rpc.IHave(topic, ids);
  }

  private static List<byte[]> ids(byte[] in, int field) throws WireException {
    ProtoReader r = new ProtoReader(in);
    List<byte[]> ids = new ArrayList<>();
    while (r.next()) {
      if (r.field() == field) {
        ids.add(r.bytes());
      }
    }
    return ids;
  }

  private static String topicOf(byte[] in) throws WireException {
    ProtoReader r = new ProtoReader(in);
    String topic = "";
    while (r.next()) {
      if (r.field() == 1) {
        topic = r.string();
      }
    }
    return topic;
  }

  private static Rpc.Prune readPrune(byte[] in) throws WireException {
    ProtoReader r = new ProtoReader(in);
    String topic = "";
    long backoff = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> topic = r.string();
        case 3 -> backoff = r.varint();
        default -> {}
      }
    }
    return new Rpc.Prune(topic, backoff);
  }
}
