package dev.basalt.adapters.rpc;

import dev.basalt.adapters.safedb.SafeHeadAtL1;
import java.util.Optional;

/**
 * The safe-head database for {@code optimism_safeHeadAtL1Block} ({@code
 * FileSafeHeadStore::safeHeadAtL1Block}). May block briefly on the disk: the server calls it off
 * its event loop.
 */
@FunctionalInterface
public interface SafeHeadReader {
  /** The newest entry at or below L1 block {@code l1Number}; empty when there is none. */
  Optional<SafeHeadAtL1> safeHeadAtL1Block(long l1Number);
}
