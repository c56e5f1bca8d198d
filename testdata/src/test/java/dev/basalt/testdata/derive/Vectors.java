package dev.basalt.testdata.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.types.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the copied vectors from the classpath (never from the shared folder). */
final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  static byte[] bytes(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8).trim();
  }

  static JsonNode json(String path) {
    try {
      return JSON.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(String hex) {
    return Hex.decode(hex);
  }

  /**
   * The calldata of a signed EIP-1559 transaction, decoded by hand: {@code 0x02 ++ rlp([chainId,
   * nonce, tip, feeCap, gas, to, value, data, accessList, yParity, r, s])}. (The full L1 transaction
   * decoder lives elsewhere; this helper reads just enough.)
   */
  static byte[] eip1559Calldata(byte[] rawTx) {
    if (rawTx[0] != 0x02) {
      throw new IllegalArgumentException("not an EIP-1559 transaction: type " + rawTx[0]);
    }
    RlpReader outer = new RlpReader(rawTx, 1, rawTx.length - 1);
    RlpReader fields = outer.readList();
    outer.expectEnd();
    for (int i = 0; i < 7; i++) {
      fields.skip();
    }
    return fields.readBytes();
  }
}
