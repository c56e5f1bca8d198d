package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One iterative Kademlia lookup towards {@code target}: keeps the {@code K} closest known nodes,
 * asks at most {@code ALPHA = 3} of the not-yet-asked ones at a time with FINDNODE at the log
 * distances around the target (geth's {@code lookupDistances}), and ends when the {@code K} closest
 * have all been asked. Runs on the discovery thread, driven by request callbacks.
 */
final class Lookup {
  static final int ALPHA = 3;

  private final NodeId target;
  private final Discv5Handler handler;
  private final Consumer<Enr> onRecord;
  private final Consumer<List<NodeContact>> onDone;
  private final List<NodeContact> closest = new ArrayList<>();
  private final Set<NodeId> asked = new HashSet<>();
  private final NodeId self;
  private int inflight;
  private int answered;
  private boolean done;

  Lookup(NodeId self, NodeId target, Discv5Handler handler, Consumer<Enr> onRecord, Consumer<List<NodeContact>> onDone) {
    this.self = self;
    this.target = target;
    this.handler = handler;
    this.onRecord = onRecord;
    this.onDone = onDone;
  }

  void start(List<NodeContact> seeds) {
    for (NodeContact s : seeds) {
      offer(s);
    }
    step();
  }

  private void offer(NodeContact c) {
    if (c.id().equals(self)) {
      return;
    }
    for (int i = 0; i < closest.size(); i++) {
      if (closest.get(i).id().equals(c.id())) {
        return;
      }
    }
    int at = 0;
    while (at < closest.size() && target.compareDistance(closest.get(at).id(), c.id()) < 0) {
      at++;
    }
    if (at < RoutingTable.K) {
      closest.add(at, c);
      if (closest.size() > RoutingTable.K) {
        closest.remove(closest.size() - 1);
      }
    }
  }

  private void step() {
    if (done) {
      return;
    }
    for (NodeContact c : new ArrayList<>(closest)) {
      if (inflight >= ALPHA) {
        break;
      }
      if (asked.add(c.id())) {
        inflight++;
        query(c);
      }
    }
    if (inflight == 0 && !done) {
      done = true;
      onDone.accept(List.copyOf(closest));
    }
  }

  private void query(NodeContact c) {
    handler.request(c, id -> new Message.FindNode(id, distances(target, c.id())), new PendingRequest.Callback() {
      @Override
      public void onSuccess(Message response, List<Enr> nodes) {
        inflight--;
        answered++;
        for (Enr r : nodes) {
          onRecord.accept(r);
          NodeContact.of(r).ifPresent(Lookup.this::offer);
        }
        step();
      }

      @Override
      public void onFailure(String reason) {
        inflight--;
        closest.removeIf(x -> x.id().equals(c.id()));
        step();
      }
    });
  }

  /** The log distance of {@code target} from {@code node}, then its neighbours: three distances in 1..256. */
  static List<Integer> distances(NodeId target, NodeId node) {
    int td = NodeId.logDistance(target, node);
    List<Integer> out = new ArrayList<>();
    out.add(td == 0 ? 256 : td);
    for (int i = 1; out.size() < 3 && i < 256; i++) {
      int base = out.get(0);
      if (base + i <= 256) {
        out.add(base + i);
      }
      if (out.size() < 3 && base - i >= 1) {
        out.add(base - i);
      }
    }
    return out;
  }

  int answered() {
    return answered;
  }
}
