package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gossipsub message cache ({@code mcache}): validated messages in {@code historyLength}
 * heartbeat windows; IWANT is answered from all of them, IHAVE announces the newest {@code
 * historyGossip}. {@link #shift} at every heartbeat drops the oldest window.
 */
final class MessageCache {
  record Entry(Rpc.Message message, Bytes id) {}

  private final int historyLength;
  private final int historyGossip;
  private final ArrayDeque<List<Entry>> windows = new ArrayDeque<>();
  private final Map<Bytes, Entry> byId = new HashMap<>();
  private final Map<Bytes, Map<String, Integer>> transmissions = new HashMap<>();

  MessageCache(int historyLength, int historyGossip) {
    this.historyLength = historyLength;
    this.historyGossip = historyGossip;
    windows.addFirst(new ArrayList<>());
  }

  void put(Bytes id, Rpc.Message message) {
    if (byId.containsKey(id)) {
      return;
    }
    Entry e = new Entry(message, id);
    byId.put(id, e);
    windows.peekFirst().add(e);
  }

  Rpc.Message get(Bytes id) {
    Entry e = byId.get(id);
    return e == null ? null : e.message();
  }

  /** The message for an IWANT from {@code peer}, unless it was already sent to it {@code max} times. */
  Rpc.Message getForPeer(Bytes id, String peer, int max) {
    Entry e = byId.get(id);
    if (e == null) {
      return null;
    }
    Map<String, Integer> sent = transmissions.computeIfAbsent(id, k -> new HashMap<>());
    int n = sent.merge(peer, 1, Integer::sum);
    return n > max ? null : e.message();
  }

  /** Ids of {@code topic} in the gossip windows, newest first. */
  List<Bytes> gossipIds(String topic) {
    List<Bytes> out = new ArrayList<>();
    Iterator<List<Entry>> it = windows.iterator();
    for (int i = 0; i < historyGossip && it.hasNext(); i++) {
      for (Entry e : it.next()) {
        if (e.message().topic().equals(topic)) {
          out.add(e.id());
        }
      }
    }
    return out;
  }

  void shift() {
    windows.addFirst(new ArrayList<>());
    while (windows.size() > historyLength) {
      for (Entry e : windows.removeLast()) {
        byId.remove(e.id());
        transmissions.remove(e.id());
      }
    }
  }

  int size() {
    return byId.size();
  }
}
