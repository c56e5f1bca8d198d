/**
 * Conformance and property tests of the L1-attributes deposit: calldata vectors of every form,
 * real OP Sepolia (kona executor fixtures) and OP Mainnet blocks, seeded round trips.
 */
package dev.basalt.testdata.l1info;
