package dev.basalt.core.state;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/** Renders a state description as pretty-printed JSON (for {@code replay inspect}). */
public final class JsonStateWriter implements StateVisitor {
  private final StringBuilder out = new StringBuilder();
  /** Per nesting level: has an element been written yet? Bit i is level i. */
  private long written;
  private int depth;

  /** JSON of everything {@code describable} reports. */
  public static String of(Describable describable) {
    JsonStateWriter w = new JsonStateWriter();
    w.out.append('{');
    w.depth = 1;
    describable.describeTo(w);
    w.depth = 0;
    w.out.append("\n}");
    return w.out.toString();
  }

  @Override
  public void beginObject(String name) {
    key(name);
    out.append('{');
    push();
  }

  @Override
  public void endObject() {
    pop();
    out.append('}');
  }

  @Override
  public void beginArray(String name) {
    key(name);
    out.append('[');
    push();
  }

  @Override
  public void endArray() {
    pop();
    out.append(']');
  }

  @Override
  public void value(String name, long value) {
    key(name);
    out.append(value);
  }

  @Override
  public void value(String name, boolean value) {
    key(name);
    out.append(value);
  }

  @Override
  public void value(String name, String value) {
    key(name);
    quote(value);
  }

  @Override
  public void value(String name, Hash32 value) {
    key(name);
    quote(value.toHex());
  }

  @Override
  public void value(String name, Bytes value) {
    key(name);
    quote(value.toHex());
  }

  private void push() {
    depth++;
    written &= ~(1L << depth);
  }

  private void pop() {
    boolean any = (written & (1L << depth)) != 0;
    depth--;
    if (any) {
      newline();
    }
  }

  private void key(String name) {
    if ((written & (1L << depth)) != 0) {
      out.append(',');
    }
    written |= 1L << depth;
    newline();
    if (name != null) {
      quote(name);
      out.append(": ");
    }
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(Math.max(0, depth)));
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
