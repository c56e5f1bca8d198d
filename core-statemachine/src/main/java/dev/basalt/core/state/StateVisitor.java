package dev.basalt.core.state;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/**
 * Receives a structured description of core state. Names are ignored inside arrays (pass
 * {@code null}). One description feeds both the state hash and the JSON view, so they can never
 * disagree about what the state is.
 */
public interface StateVisitor {
  void beginObject(String name);

  void endObject();

  void beginArray(String name);

  void endArray();

  void value(String name, long value);

  void value(String name, boolean value);

  void value(String name, String value);

  void value(String name, Hash32 value);

  void value(String name, Bytes value);
}
