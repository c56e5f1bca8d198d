package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Our discv5 requests, from sending to their one callback: each gets a random request-id, is sent
 * under the endpoint's session or, without one, starts the handshake with a random packet that
 * makes the remote send WHOAREYOU (further requests to that endpoint queue behind it), is retried
 * on timeout and completes on its response. A NODES answer may come in several messages; the
 * records gathered are kept (at most {@link Discv5Handler#MAX_NODES_RECORDS}, only at the
 * distances asked for) and a timeout after some of them completes with what came. Split from
 * {@link Discv5Handler}, which owns the sessions and the handshake, so each side's bounded tables
 * stay in one place.
 */
final class OutgoingRequests {
  private final NodeId localId;
  private final BoundedLru<Endpoint, Session> sessions;
  private final BoundedLru<NodeId, Enr> records;
  private final Discv5Handler.Events events;
  private final Discv5Handler.PacketSink sink;
  private final Timers timers;
  private final LongSupplier clock;
  private final SecureRandom random;
  private final DropLog drops;
  private final long requestTimeoutNanos;
  private final int retries;

  private final Map<RequestId, PendingRequest> pending = new HashMap<>();
  private final Map<ByteBuffer, PendingRequest> byNonce = new HashMap<>();
  private final Map<Endpoint, PendingRequest> handshaking = new HashMap<>();
  private final Map<Endpoint, List<PendingRequest>> queued = new HashMap<>();

  OutgoingRequests(NodeId localId, BoundedLru<Endpoint, Session> sessions, BoundedLru<NodeId, Enr> records,
      Discv5Handler.Events events, Discv5Handler.PacketSink sink, Timers timers, LongSupplier clock, SecureRandom random,
      DropLog drops, long requestTimeoutNanos, int retries) {
    this.localId = localId;
    this.sessions = sessions;
    this.records = records;
    this.events = events;
    this.sink = sink;
    this.timers = timers;
    this.clock = clock;
    this.random = random;
    this.drops = drops;
    this.requestTimeoutNanos = requestTimeoutNanos;
    this.retries = retries;
  }

  /** Sends a request built from a fresh request-id; the callback runs on this thread exactly once. */
  void request(NodeContact to, Function<RequestId, Message> build, PendingRequest.Callback callback) {
    if (to.id().equals(localId)) {
      callback.onFailure("request to ourselves");
      return;
    }
    if (pending.size() >= Discv5Handler.MAX_PENDING) {
      callback.onFailure("too many requests in flight");
      return;
    }
    RequestId id = RequestId.ofLong(random.nextLong());
    PendingRequest p = new PendingRequest(id, to, build.apply(id), callback, retries);
    pending.put(id, p);
    dispatch(p);
  }

  /** The request whose last packet carried {@code nonce} (a WHOAREYOU names it), or null. */
  PendingRequest sentWithNonce(byte[] nonce) {
    return byNonce.get(ByteBuffer.wrap(nonce));
  }

  /** A WHOAREYOU answered the packet with {@code nonce}: that nonce is used up. */
  void forgetChallengedNonce(byte[] nonce) {
    byNonce.remove(ByteBuffer.wrap(nonce));
  }

  /**
   * Our handshake packet for {@code p} went out with {@code nonce} under the new session {@code s}.
   */
  void onHandshakeSent(PendingRequest p, byte[] nonce, Session s) {
    Endpoint ep = p.endpoint();
    p.lastNonce = nonce;
    p.state = PendingRequest.State.HANDSHAKE_SENT;
    if (handshaking.get(ep) == p) {
      handshaking.remove(ep);
    }
    // Other requests sent under the stale session cannot be read either: re-send them under the new one
    // (discv5-theory.md "Handshake Implementation Considerations"), then the ones that waited.
    List<PendingRequest> resend = new ArrayList<>();
    for (PendingRequest other : pending.values()) {
      if (other != p && other.state == PendingRequest.State.SENT && other.endpoint().equals(ep)) {
        resend.add(other);
      }
    }
    List<PendingRequest> waiting = queued.remove(ep);
    if (waiting != null) {
      resend.addAll(waiting);
    }
    for (PendingRequest q : resend) {
      sendOrdinary(q, s);
    }
  }

  /** A PONG, NODES or TALKRESP: matched to our request by request-id and sender. */
  void onResponse(Endpoint ep, Message m) {
    PendingRequest p = pending.get(m.requestId());
    if (p == null || !p.contact.id().equals(ep.id())) {
      drops.drop("unexpected response", ep.address(), m.getClass().getSimpleName());
      return;
    }
    switch (m) {
      case Message.Nodes n when p.message instanceof Message.FindNode f -> onNodes(ep, p, f, n);
      case Message.Pong pong when p.message instanceof Message.Ping -> {
        events.onPong(ep, pong);
        complete(p, pong);
      }
      case Message.TalkResp r when p.message instanceof Message.TalkReq -> complete(p, r);
      default -> drops.drop("response of the wrong type", ep.address(), m.getClass().getSimpleName());
    }
  }

  private void onNodes(Endpoint ep, PendingRequest p, Message.FindNode f, Message.Nodes n) {
    if (n.total() > MessageCodec.MAX_NODES_TOTAL) {
      drops.drop("oversized NODES response", ep.address(), "total " + n.total());
      complete(p, n);
      return;
    }
    for (Enr r : n.records()) {
      int d = NodeId.logDistance(r.nodeId(), ep.id());
      if (!f.distances().contains(d)) {
        drops.drop("NODES record at an unrequested distance", ep.address(), "distance " + d);
        continue;
      }
      if (p.nodes.size() >= Discv5Handler.MAX_NODES_RECORDS) {
        drops.drop("oversized NODES response", ep.address(), "more than " + Discv5Handler.MAX_NODES_RECORDS + " records");
        break;
      }
      if (!p.nodes.contains(r)) {
        p.nodes.add(r);
        records.merge(r.nodeId(), r, (a, b) -> b.seq() > a.seq() ? b : a);
      }
    }
    p.nodesMessages++;
    p.lastResponse = n;
    if (p.nodesMessages >= Math.max(1, n.total())) {
      complete(p, n);
    }
  }

  private void dispatch(PendingRequest p) {
    Endpoint ep = p.endpoint();
    p.timer = timers.at(clock.getAsLong() + requestTimeoutNanos, () -> onTimeout(p));
    PendingRequest driver = handshaking.get(ep);
    if (driver != null && driver != p) {
      p.state = PendingRequest.State.QUEUED;
      queued.computeIfAbsent(ep, e -> new ArrayList<>()).add(p);
      return;
    }
    Session s = sessions.get(ep);
    if (s != null) {
      sendOrdinary(p, s);
      return;
    }
    // No session: a random packet the remote cannot decrypt, to make it send WHOAREYOU.
    handshaking.put(ep, p);
    byte[] nonce = randomBytes(PacketCodec.NONCE_BYTES);
    byte[] header = PacketCodec.header(PacketCodec.FLAG_ORDINARY, nonce, PacketCodec.ordinaryAuthdata(localId));
    forgetNonce(p);
    p.lastNonce = nonce;
    p.state = PendingRequest.State.AWAITING_WHOAREYOU;
    byNonce.put(ByteBuffer.wrap(nonce), p);
    sink.send(ep.address(), PacketCodec.assemble(ep.id(), randomBytes(16), header, randomBytes(20)));
  }

  private void sendOrdinary(PendingRequest p, Session s) {
    byte[] nonce = s.nextNonce(random);
    forgetNonce(p);
    p.lastNonce = nonce;
    p.state = PendingRequest.State.SENT;
    byNonce.put(ByteBuffer.wrap(nonce), p);
    sink.send(p.contact.address(), PacketCodec.encodeMessagePacket(p.contact.id(), randomBytes(16),
        PacketCodec.FLAG_ORDINARY, nonce, PacketCodec.ordinaryAuthdata(localId), s.writeKey,
        MessageCodec.encode(p.message)));
  }

  private void forgetNonce(PendingRequest p) {
    if (p.lastNonce != null) {
      byNonce.remove(ByteBuffer.wrap(p.lastNonce));
    }
  }

  private void onTimeout(PendingRequest p) {
    if (pending.get(p.id) != p) {
      return;
    }
    Endpoint ep = p.endpoint();
    forgetNonce(p);
    if (handshaking.get(ep) == p) {
      handshaking.remove(ep);
    }
    List<PendingRequest> q = queued.get(ep);
    if (q != null) {
      q.remove(p);
      if (q.isEmpty()) {
        queued.remove(ep);
      }
    }
    if (!p.nodes.isEmpty()) {
      complete(p, p.lastResponse);
      return;
    }
    if (p.attemptsLeft > 0) {
      p.attemptsLeft--;
      dispatch(p);
      return;
    }
    pending.remove(p.id);
    p.callback.onFailure("timeout");
  }

  private void complete(PendingRequest p, Message response) {
    pending.remove(p.id);
    forgetNonce(p);
    if (p.timer != null) {
      p.timer.cancel();
    }
    p.callback.onSuccess(response, List.copyOf(p.nodes));
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  int pendingCount() {
    return pending.size();
  }
}
