/**
 * HTTP front-ends of the simulated world on loopback, thin layers over the same in-process objects:
 * the L1 execution JSON-RPC in go-ethereum's shapes and the beacon API in the beacon-APIs shapes
 * ({@link dev.basalt.testdata.world.http.L1HttpServer}). The Engine API front-end lives in the cli
 * module, because it shares the client's JSON codec from io-adapters, which this module must not
 * depend on. {@link dev.basalt.testdata.world.http.WireFaults} is how every front-end shows an
 * armed fault on the wire.
 *
 * <p>Invariants: a front-end never holds state of its own beyond its server and request counters;
 * it reads and changes the world only while holding the world's lock, and never on the event loop;
 * the fault plans are the world's own, so one plan drives in-process and HTTP access alike.
 */
package dev.basalt.testdata.world.http;
