package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import java.net.InetAddress;
import java.util.List;

/** discv5.1 messages (discv5-wire.md "Protocol Messages"); topic messages are not supported. */
public sealed interface Message {
  RequestId requestId();

  /** Whether this message is a request (expects a response) rather than a response. */
  default boolean isRequest() {
    return this instanceof Ping || this instanceof FindNode || this instanceof TalkReq;
  }

  record Ping(RequestId requestId, long enrSeq) implements Message {}

  record Pong(RequestId requestId, long enrSeq, InetAddress recipientIp, int recipientPort) implements Message {}

  record FindNode(RequestId requestId, List<Integer> distances) implements Message {}

  /** One NODES message of {@code total}; records already verified (invalid ones are dropped on decode). */
  record Nodes(RequestId requestId, int total, List<Enr> records) implements Message {}

  record TalkReq(RequestId requestId, byte[] protocol, byte[] request) implements Message {}

  record TalkResp(RequestId requestId, byte[] response) implements Message {}
}
