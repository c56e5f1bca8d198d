package dev.basalt.adapters.p2p.identity;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58btc (the Bitcoin alphabet), the text form of peer IDs. */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];
  private static final BigInteger BASE = BigInteger.valueOf(58);

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, input);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out.append(ALPHABET[qr[1].intValue()]);
      value = qr[0];
    }
    for (int i = 0; i < zeros; i++) {
      out.append(ALPHABET[0]);
    }
    return out.reverse().toString();
  }

  /** Decodes base58btc text; throws {@link IllegalArgumentException} on a character outside the alphabet. */
  public static byte[] decode(String text) {
    if (text.length() > 256) {
      throw new IllegalArgumentException("base58 text too long: " + text.length() + " characters");
    }
    BigInteger value = BigInteger.ZERO;
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException("not base58: '" + c + "' at " + i);
      }
      if (leading && digit == 0) {
        zeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int strip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - strip];
    System.arraycopy(magnitude, strip, out, zeros, magnitude.length - strip);
    return out;
  }
}
