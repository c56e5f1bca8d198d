package dev.basalt.adapters.config;

/** What a table does with keys it does not know. */
enum UnknownKeys {
  /** The table decides consensus: an unknown key might change the chain, so loading stops. */
  REFUSE,
  /** The table is informational (addresses, roles): an unknown key is reported and skipped. */
  WARN,
  /** The table is foreign (e.g. the rest of an L1 genesis file): unknown keys are expected. */
  IGNORE
}
