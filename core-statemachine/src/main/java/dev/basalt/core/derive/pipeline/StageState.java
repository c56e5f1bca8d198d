package dev.basalt.core.derive.pipeline;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.state.Describable;

/**
 * State a stage keeps between steps. {@link #writeTo} followed by {@link #readFrom} on a fresh
 * stage wired to the same neighbours yields a stage that behaves exactly the same from then on;
 * {@link #describeTo} reports the same state for the state hash.
 */
public interface StageState extends Describable {
  void writeTo(BinaryWriter w);

  /** Replaces this stage's state with what {@link #writeTo} wrote. */
  void readFrom(BinaryReader r);
}
