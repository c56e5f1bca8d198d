package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.l1.BlobSidecar;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.util.Optional;

/**
 * The beacon API paths a rollup node reads: {@code /eth/v1/beacon/genesis}, {@code
 * /eth/v1/config/spec} ({@code SECONDS_PER_SLOT}), {@code /eth/v1/beacon/blob_sidecars/{slot}} and
 * {@code /eth/v1/beacon/blobs/{slot}}; slot {@code s} is the canonical L1 block at {@code genesis +
 * s * slot time}, a slot without a block is 404.
 */
final class BeaconApi {
  record Reply(int status, String body) {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private BeaconApi() {}

  static Reply answer(SimWorld world, String path) {
    var params = world.l1().params();
    if (path.equals("/eth/v1/beacon/genesis")) {
      ObjectNode data = F.objectNode().put("genesis_time", Long.toString(params.genesisTime()))
          .put("genesis_validators_root", "0x" + "00".repeat(32)).put("genesis_fork_version", "0x00000000");
      return ok(data);
    }
    if (path.equals("/eth/v1/config/spec")) {
      return ok(F.objectNode().put("SECONDS_PER_SLOT", Long.toString(params.blockTimeSeconds())));
    }
    boolean sidecars = path.startsWith("/eth/v1/beacon/blob_sidecars/");
    if (!sidecars && !path.startsWith("/eth/v1/beacon/blobs/")) {
      return new Reply(404, "{\"code\":404,\"message\":\"not found\"}");
    }
    Optional<MinedL1Block> block = slot(world, path.substring(path.lastIndexOf('/') + 1));
    if (block.isEmpty()) {
      return new Reply(404, "{\"code\":404,\"message\":\"block not found\"}");
    }
    ArrayNode data = F.arrayNode();
    for (BlobSidecar s : block.get().blobs()) {
      if (sidecars) {
        data.addObject().put("index", Integer.toString(s.index())).put("blob", Hex.encode(s.blob().toArray()))
            .put("kzg_commitment", s.commitment().toHex()).put("kzg_proof", s.proof().toHex());
      } else {
        data.add(Hex.encode(s.blob().toArray()));
      }
    }
    return ok(data);
  }

  private static Optional<MinedL1Block> slot(SimWorld world, String id) {
    long slot;
    try {
      slot = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    var params = world.l1().params();
    long time = params.genesisTime() + slot * params.blockTimeSeconds();
    return world.l1().chain().canonical().stream().filter(b -> b.timestamp() == time).findFirst();
  }

  private static Reply ok(com.fasterxml.jackson.databind.JsonNode data) {
    ObjectNode o = F.objectNode();
    o.set("data", data);
    return new Reply(200, o.toString());
  }
}
