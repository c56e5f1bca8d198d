/**
 * HTTP front-ends of the simulated world (L1 JSON-RPC and beacon API, Engine API with JWT), thin
 * layers over the same in-process objects: JSON in go-ethereum's and the beacon API's shapes.
 *
 * <p>Invariants: a front-end never holds state of its own beyond its server; it reads and changes
 * the world only while holding the world's lock.
 */
package dev.basalt.testdata.world.http;
