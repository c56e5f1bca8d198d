package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.EnrException;
import dev.basalt.adapters.p2p.enr.Rlp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** {@code message-pt = message-type || rlp(message-data)}. Decoding bounds every list it reads. */
public final class MessageCodec {
  static final int PING = 0x01;
  static final int PONG = 0x02;
  static final int FINDNODE = 0x03;
  static final int NODES = 0x04;
  static final int TALKREQ = 0x05;
  static final int TALKRESP = 0x06;
  /** A FINDNODE asks for at most this many distances (geth and the JS client send 3). */
  static final int MAX_DISTANCES = 16;
  /** NODES may announce at most this many messages for one request; more is refused. */
  static final int MAX_NODES_TOTAL = 16;

  private MessageCodec() {}

  public static byte[] encode(Message m) {
    byte[] id = Rlp.encodeBytes(m.requestId().toBytes());
    return switch (m) {
      case Message.Ping p -> typed(PING, Rlp.encodeList(id, Rlp.encodeLong(p.enrSeq())));
      case Message.Pong p -> typed(PONG, Rlp.encodeList(id, Rlp.encodeLong(p.enrSeq()),
          Rlp.encodeBytes(p.recipientIp().getAddress()), Rlp.encodeLong(p.recipientPort())));
      case Message.FindNode f -> {
        List<byte[]> ds = new ArrayList<>();
        for (int d : f.distances()) {
          ds.add(Rlp.encodeLong(d));
        }
        yield typed(FINDNODE, Rlp.encodeList(id, Rlp.encodeList(ds)));
      }
      case Message.Nodes n -> {
        List<byte[]> rs = new ArrayList<>();
        for (Enr r : n.records()) {
          rs.add(r.encode());
        }
        yield typed(NODES, Rlp.encodeList(id, Rlp.encodeLong(n.total()), Rlp.encodeList(rs)));
      }
      case Message.TalkReq t -> typed(TALKREQ, Rlp.encodeList(id, Rlp.encodeBytes(t.protocol()), Rlp.encodeBytes(t.request())));
      case Message.TalkResp t -> typed(TALKRESP, Rlp.encodeList(id, Rlp.encodeBytes(t.response())));
    };
  }

  private static byte[] typed(int type, byte[] rlp) {
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) type;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  /** Decodes a message; invalid ENRs inside NODES are skipped and counted in {@code droppedRecords}. */
  public static Message decode(byte[] plaintext, int[] droppedRecords) throws Discv5Exception {
    if (plaintext.length < 2) {
      throw new Discv5Exception("empty message");
    }
    try {
      Rlp.ItemList l = Rlp.decode(plaintext, 1, plaintext.length - 1) instanceof Rlp.ItemList list ? list : null;
      if (l == null) {
        throw new Discv5Exception("message-data is not a list");
      }
      RequestId id = RequestId.of(l.bytes(0).value());
      return switch (plaintext[0] & 0xff) {
        case PING -> new Message.Ping(id, l.bytes(1).asLong());
        case PONG -> new Message.Pong(id, l.bytes(1).asLong(), ip(l.bytes(2).value()), port(l.bytes(3).asLong()));
        case FINDNODE -> {
          Rlp.ItemList ds = l.list(1);
          if (ds.size() > MAX_DISTANCES) {
            throw new Discv5Exception("FINDNODE with " + ds.size() + " distances");
          }
          List<Integer> out = new ArrayList<>();
          for (int i = 0; i < ds.size(); i++) {
            long d = ds.bytes(i).asLong();
            if (d > 256) {
              throw new Discv5Exception("FINDNODE distance " + d + " > 256");
            }
            out.add((int) d);
          }
          yield new Message.FindNode(id, out);
        }
        case NODES -> {
          long total = l.bytes(1).asLong();
          Rlp.ItemList rs = l.list(2);
          List<Enr> records = new ArrayList<>();
          for (int i = 0; i < rs.size(); i++) {
            try {
              records.add(Enr.fromItem(rs.get(i)));
            } catch (EnrException e) {
              droppedRecords[0]++;
            }
          }
          yield new Message.Nodes(id, (int) Math.min(total, Integer.MAX_VALUE), records);
        }
        case TALKREQ -> new Message.TalkReq(id, l.bytes(1).value(), l.bytes(2).value());
        case TALKRESP -> new Message.TalkResp(id, l.bytes(1).value());
        default -> throw new Discv5Exception("unsupported message type " + (plaintext[0] & 0xff));
      };
    } catch (EnrException e) {
      throw new Discv5Exception("malformed message: " + e.getMessage());
    }
  }

  private static InetAddress ip(byte[] b) throws Discv5Exception {
    if (b.length != 4 && b.length != 16) {
      throw new Discv5Exception("PONG recipient-ip has " + b.length + " bytes");
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new Discv5Exception("bad PONG ip");
    }
  }

  private static int port(long p) throws Discv5Exception {
    if (p < 0 || p > 65535) {
      throw new Discv5Exception("port out of range: " + p);
    }
    return (int) p;
  }
}
