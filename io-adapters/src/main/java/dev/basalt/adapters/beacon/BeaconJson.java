package dev.basalt.adapters.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;
import java.util.ArrayList;
import java.util.List;

/** Beacon API JSON values: decimal strings for numbers, 0x hex for bytes. */
final class BeaconJson {
  private BeaconJson() {}

  /** A non-negative decimal, as a string ({@code "12"}, the API's form) or a JSON integer. */
  static long decimal(JsonNode object, String field, String what) throws CallFailure {
    JsonNode v = object.get(field);
    if (v != null && v.canConvertToExactIntegral() && v.canConvertToLong() && v.longValue() >= 0) {
      return v.longValue();
    }
    if (v != null && v.isTextual()) {
      try {
        long n = Long.parseLong(v.textValue().strip());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw CallFailure.invalid(what + ": '" + field + "' is not a non-negative decimal: " + v);
  }

  static Bytes hex(JsonNode object, String field, int length, String what) throws CallFailure {
    JsonNode v = object.get(field);
    if (v == null || !v.isTextual()) {
      throw CallFailure.invalid(what + ": '" + field + "' missing or not a string");
    }
    return hexValue(v, length, what + "." + field);
  }

  static Bytes hexValue(JsonNode v, int length, String what) throws CallFailure {
    byte[] b;
    try {
      b = Hex.decode(v.textValue().strip());
    } catch (IllegalArgumentException e) {
      throw CallFailure.invalid(what + ": not hex (" + e.getMessage() + ")");
    }
    if (b.length != length) {
      throw CallFailure.invalid(what + ": expected " + length + " bytes, got " + b.length);
    }
    return Bytes.wrapOwned(b);
  }

  static List<BlobSidecar> sidecars(JsonNode data, String what) throws CallFailure {
    if (!data.isArray()) {
      throw CallFailure.invalid(what + ": 'data' is not an array");
    }
    List<BlobSidecar> out = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      JsonNode s = data.get(i);
      String at = what + " data[" + i + "]";
      if (!s.isObject()) {
        throw CallFailure.invalid(at + ": not an object");
      }
      long index = decimal(s, "index", at);
      if (index > Integer.MAX_VALUE) {
        throw CallFailure.invalid(at + ": index " + index + " out of range");
      }
      out.add(new BlobSidecar((int) index, hex(s, "blob", Kzg.BLOB_BYTES, at),
          hex(s, "kzg_commitment", Kzg.COMMITMENT_BYTES, at), hex(s, "kzg_proof", Kzg.PROOF_BYTES, at)));
    }
    return out;
  }

  static List<Bytes> blobs(JsonNode data, String what) throws CallFailure {
    if (!data.isArray()) {
      throw CallFailure.invalid(what + ": 'data' is not an array");
    }
    List<Bytes> out = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      JsonNode b = data.get(i);
      if (!b.isTextual()) {
        throw CallFailure.invalid(what + " data[" + i + "]: not a hex string");
      }
      out.add(hexValue(b, Kzg.BLOB_BYTES, what + " data[" + i + "]"));
    }
    return out;
  }
}
