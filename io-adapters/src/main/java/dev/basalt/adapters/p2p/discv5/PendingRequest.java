package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import java.util.ArrayList;
import java.util.List;

/** A request in flight: what was sent, how, and what has come back so far. Discovery thread only. */
final class PendingRequest {
  enum State { QUEUED, AWAITING_WHOAREYOU, SENT, HANDSHAKE_SENT }

  /** Completion of a request: one response message (for NODES the last one) and any records collected. */
  interface Callback {
    void onSuccess(Message response, List<Enr> nodes);

    void onFailure(String reason);
  }

  final RequestId id;
  final NodeContact contact;
  final Message message;
  final Callback callback;
  int attemptsLeft;
  State state = State.QUEUED;
  byte[] lastNonce;
  Timers.Timer timer;
  final List<Enr> nodes = new ArrayList<>();
  int nodesMessages;
  Message lastResponse;

  PendingRequest(RequestId id, NodeContact contact, Message message, Callback callback, int retries) {
    this.id = id;
    this.contact = contact;
    this.message = message;
    this.callback = callback;
    this.attemptsLeft = retries;
  }

  Endpoint endpoint() {
    return new Endpoint(contact.id(), contact.address());
  }
}
