package dev.basalt.adapters.p2p.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One pubsub RPC (libp2p {@code pubsub/pb/rpc.proto}): subscription changes, published messages and
 * gossipsub control messages. Message ids travel as bytes (the proto declares them {@code string},
 * which is the same on the wire).
 */
public record Rpc(List<SubOpts> subscriptions, List<Message> publish, Control control) {
  public static final Rpc EMPTY = new Rpc(List.of(), List.of(), Control.EMPTY);

  public Rpc {
    subscriptions = List.copyOf(subscriptions);
    publish = List.copyOf(publish);
    Objects.requireNonNull(control, "control");
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && publish.isEmpty() && control.isEmpty();
  }

  public static Rpc ofMessages(List<Message> messages) {
    return new Rpc(List.of(), messages, Control.EMPTY);
  }

  public static Rpc ofControl(Control control) {
    return new Rpc(List.of(), List.of(), control);
  }

  /** {@code subscribe} true to join, false to leave {@code topic}. */
  public record SubOpts(boolean subscribe, String topic) {
    public SubOpts {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /**
   * A published message. Under StrictNoSign {@code from}, {@code seqno}, {@code signature} and
   * {@code key} are absent (null); a message carrying any of them is refused.
   */
  public record Message(byte[] from, byte[] data, byte[] seqno, String topic, byte[] signature, byte[] key) {
    public Message {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(topic, "topic");
    }

    /** A StrictNoSign message: topic and data only. */
    public static Message unsigned(String topic, byte[] data) {
      return new Message(null, data, null, topic, null, null);
    }

    public boolean hasAuthorFields() {
      return from != null || seqno != null || signature != null || key != null;
    }
  }

  public record IHave(String topic, List<byte[]> messageIds) {
    public IHave {
      messageIds = List.copyOf(messageIds);
    }
  }

  public record IWant(List<byte[]> messageIds) {
    public IWant {
      messageIds = List.copyOf(messageIds);
    }
  }

  public record Graft(String topic) {}

  /** @param backoffSeconds the backoff the pruning peer asks for, 0 when absent */
  public record Prune(String topic, long backoffSeconds) {}

  public record Control(List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune, List<IWant> idontwant) {
    public static final Control EMPTY = new Control(List.of(), List.of(), List.of(), List.of(), List.of());

    public Control {
      ihave = List.copyOf(ihave);
      iwant = List.copyOf(iwant);
      graft = List.copyOf(graft);
      prune = List.copyOf(prune);
      idontwant = List.copyOf(idontwant);
    }

    public boolean isEmpty() {
      return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty() && idontwant.isEmpty();
    }

    /** This control with {@code other}'s entries appended. */
    public Control plus(Control other) {
      return new Control(concat(ihave, other.ihave), concat(iwant, other.iwant), concat(graft, other.graft),
          concat(prune, other.prune), concat(idontwant, other.idontwant));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      if (b.isEmpty()) {
        return a;
      }
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }
}
