package dev.basalt.core.derive.pipeline;

/**
 * Told about every piece of data the pipeline ignores. Not part of the pipeline's state: a
 * listener observes, it never influences derivation.
 */
@FunctionalInterface
public interface DropListener {
  DropListener NONE = (reason, detail) -> {};

  void dropped(DropReason reason, String detail);
}
