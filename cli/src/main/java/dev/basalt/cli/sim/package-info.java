/**
 * {@code basalt sim}: the deterministic simulator on the command line — one seed, a swarm of seeds,
 * shrinking a failing schedule into a corpus file, and writing a run's journal for {@code basalt
 * replay verify}. The simulation itself lives in {@code dev.basalt.testdata.sim}.
 */
package dev.basalt.cli.sim;
