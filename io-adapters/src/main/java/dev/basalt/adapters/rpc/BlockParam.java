package dev.basalt.adapters.rpc;

/** A block argument: a number, or a label resolved against the node's heads. */
public sealed interface BlockParam {
  record Number(long value) implements BlockParam {}

  record Tag(Label label) implements BlockParam {}

  /** The labels kona's {@code BlockNumberOrTag} accepts. */
  enum Label {
    LATEST, SAFE, FINALIZED, PENDING, EARLIEST;

    static Label parse(String s) {
      return switch (s) {
        case "latest" -> LATEST;
        case "safe" -> SAFE;
        case "finalized" -> FINALIZED;
        case "pending" -> PENDING;
        case "earliest" -> EARLIEST;
        default -> null;
      };
    }
  }
}
