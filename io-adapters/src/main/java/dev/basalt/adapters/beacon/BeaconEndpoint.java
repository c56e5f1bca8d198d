package dev.basalt.adapters.beacon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.HttpFailures;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One beacon API base URL: the few GET routes the blob adapter reads, parsed from JSON. Remembers
 * when the node has said it no longer serves {@code blob_sidecars} (HTTP 400/405/410/501), so later
 * fetches go straight to {@code /blobs}.
 */
final class BeaconEndpoint {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Statuses with which a node says "not this route", as opposed to "not this block" (404). */
  private static final Set<Integer> ROUTE_GONE = Set.of(400, 405, 410, 501);

  private final String name;
  private final HttpUrl base;
  private final Map<String, String> headers;
  private final OkHttpClient http;
  private final Retrying retrying;
  private final Set<String> goneRoutes = ConcurrentHashMap.newKeySet();

  BeaconEndpoint(String name, URI base, Map<String, String> headers, OkHttpClient http, Retrying retrying) {
    HttpUrl parsed = HttpUrl.get(base.toString());
    this.name = name;
    this.base = parsed;
    this.headers = Map.copyOf(headers);
    this.http = http;
    this.retrying = retrying;
  }

  String name() {
    return name;
  }

  boolean sidecarsGone() {
    return goneRoutes.contains("blob_sidecars");
  }

  /** {@code /eth/v1/beacon/genesis}: the genesis time in seconds. */
  long genesisTimeSeconds() throws CallFailure {
    JsonNode data = data(get("genesis", url("eth/v1/beacon/genesis")), "genesis");
    return BeaconJson.decimal(data, "genesis_time", name + " genesis");
  }

  /** {@code /eth/v1/config/spec}: {@code SECONDS_PER_SLOT}. */
  long secondsPerSlot() throws CallFailure {
    JsonNode data = data(get("spec", url("eth/v1/config/spec")), "spec");
    return BeaconJson.decimal(data, "SECONDS_PER_SLOT", name + " spec");
  }

  /** {@code /eth/v1/beacon/blob_sidecars/{slot}?indices=..}: the sidecars the node returns. */
  List<BlobSidecar> sidecars(long slot, List<IndexedBlobHash> wanted) throws CallFailure {
    HttpUrl.Builder url = url("eth/v1/beacon/blob_sidecars/" + slot).newBuilder();
    for (IndexedBlobHash h : wanted) {
      url.addQueryParameter("indices", Integer.toString(h.index()));
    }
    String what = name + " blob_sidecars/" + slot;
    try {
      return BeaconJson.sidecars(data(get(what, url.build()), what), what);
    } catch (CallFailure f) {
      noteGone("blob_sidecars", f);
      throw f;
    }
  }

  /** {@code /eth/v1/beacon/blobs/{slot}?versioned_hashes=..} (Fulu): bare blobs. */
  List<Bytes> blobs(long slot, List<IndexedBlobHash> wanted) throws CallFailure {
    HttpUrl.Builder url = url("eth/v1/beacon/blobs/" + slot).newBuilder();
    for (IndexedBlobHash h : wanted) {
      url.addQueryParameter("versioned_hashes", h.versionedHash().toHex());
    }
    String what = name + " blobs/" + slot;
    return BeaconJson.blobs(data(get(what, url.build()), what), what);
  }

  private void noteGone(String route, CallFailure f) {
    if (ROUTE_GONE.contains(f.httpStatus())) {
      goneRoutes.add(route);
    }
  }

  private HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }

  private static JsonNode data(JsonNode root, String what) throws CallFailure {
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      throw CallFailure.invalid(what + ": answer has no 'data'");
    }
    return data;
  }

  private JsonNode get(String what, HttpUrl url) throws CallFailure {
    return retrying.run(what, () -> getOnce(what, url));
  }

  private JsonNode getOnce(String what, HttpUrl url) throws CallFailure {
    Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
    headers.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      if (body == null) {
        throw CallFailure.invalid(what + ": empty HTTP body");
      }
      try (InputStream in = body.byteStream()) {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
          throw CallFailure.invalid(what + ": expected a JSON object");
        }
        return root;
      }
    } catch (JsonProcessingException e) {
      throw CallFailure.invalid(what + ": malformed JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw HttpFailures.ofIo(what, e);
    }
  }
}
