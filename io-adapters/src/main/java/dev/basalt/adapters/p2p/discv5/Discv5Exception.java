package dev.basalt.adapters.p2p.discv5;

/** An undecodable, unauthenticated or unexpected packet or message. Callers drop it and log. */
public final class Discv5Exception extends Exception {
  public Discv5Exception(String message) {
    super(message);
  }
}
