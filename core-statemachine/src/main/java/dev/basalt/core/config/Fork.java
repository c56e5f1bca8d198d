package dev.basalt.core.config;

/** OP Stack network upgrades in activation order. Bedrock is the genesis of every chain. */
public enum Fork {
  REGOLITH,
  CANYON,
  DELTA,
  ECOTONE,
  FJORD,
  GRANITE,
  HOLOCENE,
  ISTHMUS,
  JOVIAN,
  KARST
}
