package dev.basalt.testdata.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster's state: the leader's name, the commit log and the armed failures. Members ask
 * through {@link #leader(String)} and {@link #commit(String, JsonNode)}; the test reads and steers
 * the rest.
 */
public final class FakeConductor {
  /** One committed block, as the member sent it. */
  public record Commit(String member, long number, String blockHash, String parentHash, JsonNode envelope) {}

  /** What a commit request comes to. */
  public sealed interface CommitOutcome {
    record Committed() implements CommitOutcome {}

    /** Answered with this JSON-RPC error. */
    record Refused(int code, String message) implements CommitOutcome {}

    /** Never answered (the client's deadline ends it). */
    record Hang() implements CommitOutcome {}
  }

  private final List<Commit> log = new ArrayList<>();
  private String leader;
  private int failNext;
  private int hangNext;
  private long commitRequests;

  public FakeConductor(String leader) {
    this.leader = leader;
  }

  /** Raft elected {@code member}. */
  public synchronized void setLeader(String member) {
    this.leader = Objects.requireNonNull(member, "member");
  }

  public synchronized String leader() {
    return leader;
  }

  /** {@code conductor_leader} as {@code member} asks it. */
  public synchronized boolean leader(String member) {
    return member.equals(leader);
  }

  /** The next {@code n} commits are refused with a JSON-RPC error. */
  public synchronized void failNextCommits(int n) {
    failNext = n;
  }

  /** The next {@code n} commits never answer. */
  public synchronized void hangNextCommits(int n) {
    hangNext = n;
  }

  /** {@code conductor_commitUnsafePayload} from {@code member}. */
  public synchronized CommitOutcome commit(String member, JsonNode envelope) {
    commitRequests++;
    if (hangNext > 0) {
      hangNext--;
      return new CommitOutcome.Hang();
    }
    if (failNext > 0) {
      failNext--;
      return new CommitOutcome.Refused(-32000, "injected commit failure");
    }
    if (!member.equals(leader)) {
      // op-conductor: Raft refuses to apply on a follower.
      return new CommitOutcome.Refused(-32000, "node is not the leader");
    }
    JsonNode payload = envelope.path("executionPayload");
    String number = payload.path("blockNumber").asText("");
    if (!number.startsWith("0x") || payload.path("blockHash").asText("").isEmpty()) {
      return new CommitOutcome.Refused(-32602, "not an execution payload envelope");
    }
    log.add(new Commit(member, Long.parseUnsignedLong(number.substring(2), 16), payload.path("blockHash").asText(),
        payload.path("parentHash").asText(), envelope.deepCopy()));
    return new CommitOutcome.Committed();
  }

  /** The commit log, oldest first. */
  public synchronized List<Commit> log() {
    return List.copyOf(log);
  }

  /** The latest committed block, what a new leader must start from. */
  public synchronized Optional<Commit> latest() {
    return log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1));
  }

  /** Commit requests received (including refused and hung ones). */
  public synchronized long commitRequests() {
    return commitRequests;
  }
}
