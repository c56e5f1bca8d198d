/**
 * Conformance and property tests of deposits: vectors from vectors/deposits, a real OP Mainnet
 * user deposit, seeded round trips and mutated input that must never crash the decoders.
 */
package dev.basalt.testdata.deposit;
