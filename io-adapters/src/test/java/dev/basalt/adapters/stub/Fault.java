package dev.basalt.adapters.stub;

/** What a stub server does with the next request instead of answering it. */
public sealed interface Fault {
  /** Answer with this HTTP status and body. */
  record Status(int status, String body) implements Fault {}

  /** Never answer (the connection stays open until the server closes). */
  record Hang() implements Fault {}

  /** Answer 200 with a body that is not JSON. */
  record Garbage() implements Fault {}
}
