package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The Kademlia table: 256 buckets by log distance to the local ID, each holding at most
 * {@code K = 16} records ordered most recently seen first, plus a small replacement list. Every
 * entry has a verified ENR with a UDP endpoint. Single-threaded (the discovery thread).
 */
final class RoutingTable {
  static final int K = 16;
  static final int BUCKETS = 256;
  static final int REPLACEMENTS = 10;

  /** A table entry; {@code live} once the node answered us or completed a handshake. */
  static final class Entry {
    NodeContact contact;
    boolean live;
    long lastSeenNanos;

    Entry(NodeContact contact, boolean live, long now) {
      this.contact = contact;
      this.live = live;
      this.lastSeenNanos = now;
    }

    Enr enr() {
      return contact.enr();
    }
  }

  private final NodeId self;
  private final List<List<Entry>> buckets = new ArrayList<>(BUCKETS);
  private final List<List<Entry>> replacements = new ArrayList<>(BUCKETS);

  RoutingTable(NodeId self) {
    this.self = self;
    for (int i = 0; i < BUCKETS; i++) {
      buckets.add(new ArrayList<>());
      replacements.add(new ArrayList<>());
    }
  }

  private int index(NodeId id) {
    return NodeId.logDistance(self, id) - 1;
  }

  /**
   * Adds or refreshes a node. {@code live} moves it to the front of its bucket; a newer record
   * replaces the stored one. Returns false if the bucket was full (the node went to replacements).
   */
  boolean add(NodeContact contact, boolean live, long now) {
    if (contact.enr() == null || contact.id().equals(self)) {
      return false;
    }
    int i = index(contact.id());
    List<Entry> bucket = buckets.get(i);
    for (int j = 0; j < bucket.size(); j++) {
      Entry e = bucket.get(j);
      if (e.contact.id().equals(contact.id())) {
        if (contact.seq() >= e.contact.seq()) {
          e.contact = contact;
        }
        if (live) {
          e.live = true;
          e.lastSeenNanos = now;
          bucket.remove(j);
          bucket.add(0, e);
        }
        return true;
      }
    }
    if (bucket.size() < K) {
      bucket.add(live ? 0 : bucket.size(), new Entry(contact, live, now));
      replacements.get(i).removeIf(e -> e.contact.id().equals(contact.id()));
      return true;
    }
    List<Entry> repl = replacements.get(i);
    repl.removeIf(e -> e.contact.id().equals(contact.id()));
    repl.add(0, new Entry(contact, live, now));
    if (repl.size() > REPLACEMENTS) {
      repl.remove(repl.size() - 1);
    }
    return false;
  }

  /** Removes a dead node and promotes the most recent replacement. */
  void remove(NodeId id) {
    int i = index(id);
    if (i < 0) {
      return;
    }
    List<Entry> bucket = buckets.get(i);
    if (bucket.removeIf(e -> e.contact.id().equals(id)) && !replacements.get(i).isEmpty()) {
      bucket.add(replacements.get(i).remove(0));
    }
  }

  Optional<Entry> get(NodeId id) {
    int i = index(id);
    if (i < 0) {
      return Optional.empty();
    }
    for (Entry e : buckets.get(i)) {
      if (e.contact.id().equals(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The {@code n} entries closest to {@code target} by XOR distance. */
  List<NodeContact> closest(NodeId target, int n) {
    List<NodeContact> all = new ArrayList<>();
    for (List<Entry> b : buckets) {
      for (Entry e : b) {
        all.add(e.contact);
      }
    }
    all.sort(Comparator.comparing(NodeContact::id, target::compareDistance));
    return all.size() > n ? new ArrayList<>(all.subList(0, n)) : all;
  }

  /** Records at the given log distances from the local node, live ones first, at most {@code limit}. */
  List<Enr> atDistances(List<Integer> distances, int limit) {
    List<Enr> out = new ArrayList<>();
    for (int d : distances) {
      if (d < 1 || d > BUCKETS) {
        continue;
      }
      for (Entry e : buckets.get(d - 1)) {
        if (out.size() >= limit) {
          return out;
        }
        if (e.live && !out.contains(e.enr())) {
          out.add(e.enr());
        }
      }
    }
    return out;
  }

  /** The least recently seen entry of a random non-empty bucket: the next liveness check. */
  Optional<Entry> revalidationCandidate(Random random) {
    List<List<Entry>> nonEmpty = new ArrayList<>();
    for (List<Entry> b : buckets) {
      if (!b.isEmpty()) {
        nonEmpty.add(b);
      }
    }
    if (nonEmpty.isEmpty()) {
      return Optional.empty();
    }
    List<Entry> b = nonEmpty.get(random.nextInt(nonEmpty.size()));
    return Optional.of(b.get(b.size() - 1));
  }

  /**
   * kona's random eviction ({@code --p2p.discovery.randomize}): when more than {@code keep} records
   * are held, removes one chosen uniformly at random (a replacement takes its place, as for a dead
   * node) and returns its ID.
   */
  Optional<NodeId> evictRandom(int keep, Random random) {
    List<Entry> all = entries();
    if (all.size() <= keep) {
      return Optional.empty();
    }
    NodeId id = all.get(random.nextInt(all.size())).contact.id();
    remove(id);
    return Optional.of(id);
  }

  List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    for (List<Entry> b : buckets) {
      all.addAll(b);
    }
    return all;
  }

  int size() {
    int n = 0;
    for (List<Entry> b : buckets) {
      n += b.size();
    }
    return n;
  }
}
