package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.EnrException;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import dev.basalt.adapters.p2p.enr.Secp256k1;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The discv5.1 session layer on the discovery thread: turns datagrams into authenticated messages
 * and requests into packets, running the WHOAREYOU handshake (discv5-theory.md "Handshake Steps")
 * when no session exists. Every table here is bounded; anything unexpected is dropped through
 * {@link DropLog}, never thrown. This class owns the sessions, challenges and known records and
 * answers the remote's requests; our own requests and their responses are {@link
 * OutgoingRequests}.
 */
final class Discv5Handler {
  static final int MAX_PENDING = 1024;
  static final int MAX_CHALLENGES = 1024;
  static final int MAX_CHALLENGES_PER_ENDPOINT = 4;
  /** A loaded initiator may answer late; a challenge only costs a bounded slot. */
  static final long MIN_CHALLENGE_LIFETIME_NANOS = 3_000_000_000L;
  static final int MAX_RECORDS = 4096;
  /** Records accepted per FINDNODE (16 per distance, 3 distances per lookup query). */
  static final int MAX_NODES_RECORDS = 48;
  /** Challenges sent to one IP per second: bounds reflection and challenge churn from one host. */
  static final int MAX_WHOAREYOU_PER_IP_PER_SECOND = 200;
  private static final int NODES_PAYLOAD_BUDGET = 1000;

  /** Where packets go (the UDP socket, or a test). */
  interface PacketSink {
    void send(InetSocketAddress to, byte[] packet);
  }

  /** What the layer above (table, lookups, peer output) hears about. */
  interface Events {
    /** A verified record; {@code live} when the node itself just proved it at its endpoint. */
    void onRecord(Enr enr, boolean live);

    /** The node at this endpoint sent an authenticated message. */
    void onAlive(Endpoint from);

    void onPing(Endpoint from, Message.Ping ping);

    void onPong(Endpoint from, Message.Pong pong);
  }

  private record Challenge(byte[] challengeData, Enr known, long expiresNanos) {}

  private final NodeKey key;
  private final NodeId localId;
  private final Supplier<Enr> localEnr;
  private final RoutingTable table;
  private final Events events;
  private final PacketSink sink;
  private final LongSupplier clock;
  private final SecureRandom random;
  private final DropLog drops;
  private final long requestTimeoutNanos;

  private final BoundedLru<Endpoint, Session> sessions;
  /** Recent challenges per endpoint: a node with several undecryptable packets in flight gets one each. */
  private final BoundedLru<Endpoint, List<Challenge>> challenges = new BoundedLru<>(MAX_CHALLENGES);
  private final BoundedLru<NodeId, Enr> records = new BoundedLru<>(MAX_RECORDS);
  /** Per source IP: {second of the window, WHOAREYOUs sent in it}. */
  private final BoundedLru<java.net.InetAddress, long[]> whoAreYouRate = new BoundedLru<>(MAX_CHALLENGES);
  private final OutgoingRequests requests;

  Discv5Handler(NodeKey key, Supplier<Enr> localEnr, RoutingTable table, Events events, PacketSink sink,
      Timers timers, LongSupplier clock, SecureRandom random, DropLog drops, long requestTimeoutNanos,
      int retries, int sessionCacheSize) {
    this.key = key;
    this.localId = key.nodeId();
    this.localEnr = localEnr;
    this.table = table;
    this.events = events;
    this.sink = sink;
    this.clock = clock;
    this.random = random;
    this.drops = drops;
    this.requestTimeoutNanos = requestTimeoutNanos;
    this.sessions = new BoundedLru<>(sessionCacheSize);
    this.requests = new OutgoingRequests(localId, sessions, records, events, sink, timers, clock, random, drops,
        requestTimeoutNanos, retries);
  }

  // ---------------------------------------------------------------- incoming

  void onDatagram(byte[] data, int length, InetSocketAddress from) {
    Packet packet;
    try {
      packet = PacketCodec.decode(data, length, localId);
    } catch (Discv5Exception e) {
      drops.drop("undecodable packet", from, e.getMessage());
      return;
    }
    switch (packet) {
      case Packet.Ordinary o -> onOrdinary(o, from);
      case Packet.WhoAreYou w -> onWhoAreYou(w, from);
      case Packet.Handshake h -> onHandshake(h, from);
    }
  }

  private void onOrdinary(Packet.Ordinary o, InetSocketAddress from) {
    if (o.srcId().equals(localId)) {
      drops.drop("packet claiming our own id", from, "");
      return;
    }
    Endpoint ep = new Endpoint(o.srcId(), from);
    Session s = sessions.get(ep);
    if (s != null) {
      try {
        byte[] pt = Discv5Crypto.aesGcmDecrypt(s.readKey, o.nonce(), o.message(), o.authenticatedData());
        onMessage(ep, pt);
        return;
      } catch (Discv5Exception e) {
        // Stale or foreign session: challenge the sender (spec: reply WHOAREYOU).
      }
    }
    sendWhoAreYou(ep, o.nonce());
  }

  private void sendWhoAreYou(Endpoint ep, byte[] nonce) {
    long now = clock.getAsLong();
    long second = now / 1_000_000_000L;
    long[] rate = whoAreYouRate.computeIfAbsent(ep.address().getAddress(), a -> new long[2]);
    if (rate[0] != second) {
      rate[0] = second;
      rate[1] = 0;
    }
    if (++rate[1] > MAX_WHOAREYOU_PER_IP_PER_SECOND) {
      drops.drop("packet over the WHOAREYOU rate limit", ep.address(), "");
      return;
    }
    Enr known = knownRecord(ep.id());
    byte[] idNonce = randomBytes(16);
    byte[][] w = PacketCodec.encodeWhoAreYou(ep.id(), randomBytes(16), nonce, idNonce, known == null ? 0 : known.seq());
    List<Challenge> list = challenges.computeIfAbsent(ep, e -> new ArrayList<>());
    list.removeIf(c -> c.expiresNanos - now < 0);
    list.add(new Challenge(w[1], known, now + Math.max(2 * requestTimeoutNanos, MIN_CHALLENGE_LIFETIME_NANOS)));
    if (list.size() > MAX_CHALLENGES_PER_ENDPOINT) {
      list.remove(0);
    }
    sink.send(ep.address(), w[0]);
  }
  private void onWhoAreYou(Packet.WhoAreYou w, InetSocketAddress from) {
    PendingRequest p = requests.sentWithNonce(w.nonce());
    if (p == null) {
      drops.drop("unsolicited WHOAREYOU", from, "no request with that nonce");
      return;
    }
    if (!p.contact.address().equals(from)) {
      drops.drop("WHOAREYOU from another endpoint", from, "request went to " + p.contact.address());
      return;
    }
    requests.forgetChallengedNonce(w.nonce());
    NodeKey eph = NodeKey.generate(random);
    byte[] ephPub = eph.compressedPublicKey();
    Discv5Crypto.SessionKeys keys = Discv5Crypto.deriveKeys(eph.ecdh(p.contact.publicKey()), w.challengeData(),
        localId, p.contact.id());
    byte[] sig = Discv5Crypto.idSign(key, w.challengeData(), ephPub, p.contact.id());
    Enr local = localEnr.get();
    byte[] record = w.enrSeq() < local.seq() ? local.encode() : new byte[0];
    Session s = new Session(keys.initiatorKey(), keys.recipientKey());
    Endpoint ep = p.endpoint();
    sessions.put(ep, s);
    byte[] nonce = s.nextNonce(random);
    byte[] authdata = PacketCodec.handshakeAuthdata(localId, sig, ephPub, record);
    sink.send(from, PacketCodec.encodeMessagePacket(p.contact.id(), randomBytes(16), PacketCodec.FLAG_HANDSHAKE,
        nonce, authdata, keys.initiatorKey(), MessageCodec.encode(p.message)));
    requests.onHandshakeSent(p, nonce, s);
  }

  private void onHandshake(Packet.Handshake h, InetSocketAddress from) {
    Endpoint ep = new Endpoint(h.srcId(), from);
    List<Challenge> live = challenges.get(ep);
    long now = clock.getAsLong();
    if (live != null) {
      live.removeIf(x -> x.expiresNanos - now < 0);
    }
    if (live == null || live.isEmpty()) {
      drops.drop("handshake without a live challenge", from, h.srcId().toShortString());
      return;
    }
    Enr record = null;
    try {
      if (h.record().length > 0) {
        record = Enr.decode(h.record());
        if (!record.nodeId().equals(h.srcId())) {
          drops.drop("handshake with another node's record", from, record.nodeId().toShortString());
          return;
        }
      }
    } catch (EnrException e) {
      drops.drop("handshake with an invalid record", from, e.getMessage());
      return;
    }
    // The id-signature names the challenge it answers: find it among the recent ones.
    Challenge c = null;
    for (Challenge candidate : live) {
      ECPoint signer = record != null ? record.publicKey() : candidate.known == null ? null : candidate.known.publicKey();
      if (signer != null
          && Discv5Crypto.idVerify(signer, h.idSignature(), candidate.challengeData, h.ephemeralPubkey(), localId)) {
        c = candidate;
        break;
      }
    }
    if (c == null) {
      drops.drop(record == null && live.stream().allMatch(x -> x.known == null)
          ? "handshake without the record we need" : "handshake with a bad id-signature", from, h.srcId().toShortString());
      return;
    }
    challenges.remove(ep);
    byte[] pt;
    try {
      ECPoint ephPoint = Secp256k1.decodePoint(h.ephemeralPubkey());
      Discv5Crypto.SessionKeys keys = Discv5Crypto.deriveKeys(key.ecdh(ephPoint), c.challengeData, h.srcId(), localId);
      pt = Discv5Crypto.aesGcmDecrypt(keys.initiatorKey(), h.nonce(), h.message(), h.authenticatedData());
      sessions.put(ep, new Session(keys.recipientKey(), keys.initiatorKey()));
    } catch (EnrException | Discv5Exception e) {
      drops.drop("handshake message that does not decrypt", from, e.getMessage());
      return;
    }
    if (record != null) {
      records.put(record.nodeId(), record);
      boolean atSource = record.udpEndpoint().map(from::equals).orElse(false);
      events.onRecord(record, atSource);
    }
    onMessage(ep, pt);
  }

  private void onMessage(Endpoint ep, byte[] plaintext) {
    int[] badRecords = new int[1];
    Message m;
    try {
      m = MessageCodec.decode(plaintext, badRecords);
    } catch (Discv5Exception e) {
      drops.drop("undecodable message", ep.address(), e.getMessage());
      return;
    }
    if (badRecords[0] > 0) {
      drops.drop("invalid record in NODES", ep.address(), badRecords[0] + " records");
    }
    events.onAlive(ep);
    switch (m) {
      case Message.Ping ping -> {
        Enr local = localEnr.get();
        respond(ep, new Message.Pong(ping.requestId(), local.seq(), ep.address().getAddress(), ep.address().getPort()));
        events.onPing(ep, ping);
      }
      case Message.FindNode f -> respondNodes(ep, f);
      case Message.TalkReq t -> respond(ep, new Message.TalkResp(t.requestId(), new byte[0]));
      case Message.Pong pong -> requests.onResponse(ep, pong);
      case Message.Nodes nodes -> requests.onResponse(ep, nodes);
      case Message.TalkResp resp -> requests.onResponse(ep, resp);
    }
  }

  private void respondNodes(Endpoint ep, Message.FindNode f) {
    List<Enr> result = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int d : f.distances()) {
      if (d == 0) {
        if (result.isEmpty() || !result.get(0).equals(localEnr.get())) {
          result.add(0, localEnr.get());
        }
      } else {
        others.add(d);
      }
    }
    result.addAll(table.atDistances(others, RoutingTable.K - result.size()));
    List<List<Enr>> chunks = new ArrayList<>();
    List<Enr> chunk = new ArrayList<>();
    int size = 0;
    for (Enr r : result) {
      if (!chunk.isEmpty() && size + r.encodedSize() > NODES_PAYLOAD_BUDGET) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        size = 0;
      }
      chunk.add(r);
      size += r.encodedSize();
    }
    chunks.add(chunk);
    for (List<Enr> c : chunks) {
      respond(ep, new Message.Nodes(f.requestId(), chunks.size(), c));
    }
  }
  private void respond(Endpoint ep, Message m) {
    Session s = sessions.get(ep);
    if (s == null) {
      return; // evicted between request and answer: the requester retries.
    }
    byte[] nonce = s.nextNonce(random);
    sink.send(ep.address(), PacketCodec.encodeMessagePacket(ep.id(), randomBytes(16), PacketCodec.FLAG_ORDINARY,
        nonce, PacketCodec.ordinaryAuthdata(localId), s.writeKey, MessageCodec.encode(m)));
  }

  // ---------------------------------------------------------------- outgoing requests

  /** Sends a request built from a fresh request-id; the callback runs on this thread exactly once. */
  void request(NodeContact to, Function<RequestId, Message> build, PendingRequest.Callback callback) {
    requests.request(to, build, callback);
  }

  // ---------------------------------------------------------------- helpers

  private Enr knownRecord(NodeId id) {
    Enr cached = records.get(id);
    Enr inTable = table.get(id).map(RoutingTable.Entry::enr).orElse(null);
    if (cached == null) {
      return inTable;
    }
    return inTable != null && inTable.seq() > cached.seq() ? inTable : cached;
  }

  /** Remembers a record learnt elsewhere (bootnode, peer store) so handshakes can skip sending it. */
  void rememberRecord(Enr enr) {
    records.merge(enr.nodeId(), enr, (a, b) -> b.seq() > a.seq() ? b : a);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  int sessionCount() {
    return sessions.size();
  }

  int pendingCount() {
    return requests.pendingCount();
  }

  int challengeCount() {
    return challenges.size();
  }
}
