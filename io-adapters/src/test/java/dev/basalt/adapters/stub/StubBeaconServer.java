package dev.basalt.adapters.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A beacon node on loopback: genesis, spec, {@code blob_sidecars/{slot}?indices=} and the Fulu
 * {@code blobs/{slot}?versioned_hashes=} route over the sidecars it is given. Slots it has no
 * sidecars for answer 404, as a node does for an empty or pruned slot. It can also answer
 * {@code blob_sidecars} with 410 Gone (a node past Fulu) and record a request header.
 */
public final class StubBeaconServer extends StubHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long genesisTimeSeconds;
  private final long secondsPerSlot;
  private final Map<Long, JsonNode> sidecarsBySlot = new ConcurrentHashMap<>();
  private final Map<String, String> headersSeen = new ConcurrentHashMap<>();
  private volatile boolean sidecarsGone;
  private volatile String watchedHeader = "";

  public StubBeaconServer(long genesisTimeSeconds, long secondsPerSlot) {
    this.genesisTimeSeconds = genesisTimeSeconds;
    this.secondsPerSlot = secondsPerSlot;
  }

  /** Serves {@code sidecars} (a beacon API {@code data} array) at {@code slot}. */
  public void addSidecars(long slot, JsonNode sidecars) {
    sidecarsBySlot.put(slot, sidecars);
  }

  public void sidecarsGone(boolean gone) {
    sidecarsGone = gone;
  }

  /** Records the value of this request header, last one wins ("" when a request lacked it). */
  public void watchHeader(String name) {
    watchedHeader = name;
  }

  public String headerSeen() {
    return headersSeen.getOrDefault("value", "<no request>");
  }

  @Override
  void handle(HttpServerRequest req, String body) {
    if (!watchedHeader.isEmpty()) {
      String v = req.getHeader(watchedHeader);
      headersSeen.put("value", v == null ? "" : v);
    }
    String path = req.path();
    if (path.equals("/eth/v1/beacon/genesis")) {
      countCall("genesis");
      json(req, 200, "{\"data\":{\"genesis_time\":\"" + genesisTimeSeconds + "\",\"genesis_validators_root\":\"0x"
          + "00".repeat(32) + "\",\"genesis_fork_version\":\"0x00000000\"}}");
    } else if (path.equals("/eth/v1/config/spec")) {
      countCall("spec");
      json(req, 200, "{\"data\":{\"SECONDS_PER_SLOT\":\"" + secondsPerSlot + "\",\"SLOTS_PER_EPOCH\":\"32\"}}");
    } else if (path.startsWith("/eth/v1/beacon/blob_sidecars/")) {
      countCall("blob_sidecars");
      sidecars(req, Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
    } else if (path.startsWith("/eth/v1/beacon/blobs/")) {
      countCall("blobs");
      blobs(req, Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
    } else {
      json(req, 404, "{\"code\":404,\"message\":\"route not found\"}");
    }
  }

  private void sidecars(HttpServerRequest req, long slot) {
    if (sidecarsGone) {
      json(req, 410, "{\"code\":410,\"message\":\"blob_sidecars is deprecated, use /eth/v1/beacon/blobs\"}");
      return;
    }
    JsonNode all = sidecarsBySlot.get(slot);
    if (all == null) {
      json(req, 404, "{\"code\":404,\"message\":\"Block not found\"}");
      return;
    }
    List<String> indices = req.params().getAll("indices");
    ArrayNode data = MAPPER.createArrayNode();
    all.forEach(s -> {
      if (indices.isEmpty() || indices.contains(s.get("index").asText())) {
        data.add(s);
      }
    });
    ObjectNode out = MAPPER.createObjectNode();
    out.set("data", data);
    json(req, 200, out.toString());
  }

  private void blobs(HttpServerRequest req, long slot) {
    JsonNode all = sidecarsBySlot.get(slot);
    if (all == null) {
      json(req, 404, "{\"code\":404,\"message\":\"Block not found\"}");
      return;
    }
    List<String> wanted = req.params().getAll("versioned_hashes");
    ArrayNode data = MAPPER.createArrayNode();
    all.forEach(s -> {
      if (wanted.isEmpty() || wanted.contains(versionedHash(s.get("kzg_commitment").asText()))) {
        data.add(s.get("blob").asText());
      }
    });
    ObjectNode out = MAPPER.createObjectNode();
    out.set("data", data);
    json(req, 200, out.toString());
  }

  /** {@code 0x01 || sha256(commitment)[1:]}, computed here independently of the adapter's code. */
  public static String versionedHash(String commitmentHex) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(commitmentHex.substring(2)));
      h[0] = 1;
      return "0x" + HexFormat.of().formatHex(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
