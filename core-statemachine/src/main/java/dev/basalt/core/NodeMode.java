package dev.basalt.core;

/** Whether the node only follows the chain or also produces blocks. */
public enum NodeMode {
  VALIDATOR,
  SEQUENCER
}
