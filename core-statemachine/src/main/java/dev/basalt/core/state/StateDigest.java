package dev.basalt.core.state;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over a tagged, length-prefixed encoding of a state description. Every value is preceded
 * by a kind tag and its name, so two different shapes never collide by accident.
 */
public final class StateDigest implements StateVisitor {
  private static final byte BEGIN_OBJECT = 1;
  private static final byte END_OBJECT = 2;
  private static final byte BEGIN_ARRAY = 3;
  private static final byte END_ARRAY = 4;
  private static final byte LONG = 5;
  private static final byte BOOLEAN = 6;
  private static final byte STRING = 7;
  private static final byte HASH = 8;
  private static final byte BYTES = 9;

  private final MessageDigest digest;
  private final byte[] scratch = new byte[8];

  public StateDigest() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  /** Digest of everything {@code describable} reports. */
  public static Hash32 of(Describable describable) {
    StateDigest d = new StateDigest();
    describable.describeTo(d);
    return d.finish();
  }

  public Hash32 finish() {
    return Hash32.wrap(digest.digest());
  }

  @Override
  public void beginObject(String name) {
    tagged(BEGIN_OBJECT, name);
  }

  @Override
  public void endObject() {
    digest.update(END_OBJECT);
  }

  @Override
  public void beginArray(String name) {
    tagged(BEGIN_ARRAY, name);
  }

  @Override
  public void endArray() {
    digest.update(END_ARRAY);
  }

  @Override
  public void value(String name, long value) {
    tagged(LONG, name);
    putLong(value);
  }

  @Override
  public void value(String name, boolean value) {
    tagged(BOOLEAN, name);
    digest.update(value ? (byte) 1 : (byte) 0);
  }

  @Override
  public void value(String name, String value) {
    tagged(STRING, name);
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    putLong(utf8.length);
    digest.update(utf8);
  }

  @Override
  public void value(String name, Hash32 value) {
    tagged(HASH, name);
    digest.update(value.toArray());
  }

  @Override
  public void value(String name, Bytes value) {
    tagged(BYTES, name);
    putLong(value.length());
    digest.update(value.toArray());
  }

  private void tagged(byte tag, String name) {
    digest.update(tag);
    if (name == null) {
      putLong(-1);
    } else {
      byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
      putLong(utf8.length);
      digest.update(utf8);
    }
  }

  private void putLong(long v) {
    for (int i = 0; i < 8; i++) {
      scratch[i] = (byte) (v >>> (56 - 8 * i));
    }
    digest.update(scratch);
  }
}
