/**
 * Conformance and property tests of system-config updates: kona's decoder cases mapped to op-node's
 * outcomes, and mutated logs that must be skipped, never fatal.
 */
package dev.basalt.testdata.sysconfig;
