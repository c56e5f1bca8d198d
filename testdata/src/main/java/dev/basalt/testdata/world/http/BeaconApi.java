package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.l1.BlobSidecar;
import dev.basalt.testdata.world.l1.L1ChainStore;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The beacon API paths a rollup node reads, in the beacon-APIs shapes: {@code
 * /eth/v1/beacon/genesis}, {@code /eth/v1/config/spec} ({@code SECONDS_PER_SLOT}), {@code
 * /eth/v1/beacon/blob_sidecars/{slot}?indices=..} and (Fulu) {@code
 * /eth/v1/beacon/blobs/{slot}?versioned_hashes=..}. Slot {@code s} is the canonical L1 block at
 * {@code genesis + s * slot time}; a slot without a block is 404, as a beacon node answers it.
 *
 * <p>A sidecar carries every field the API requires; the world has no beacon chain, so {@code
 * signed_block_header} and {@code kzg_commitment_inclusion_proof} are structurally right
 * placeholders (slot and parent root real, the rest zero), which a rollup node does not read.
 *
 * <p>Faults: a blob request is the wire form of {@code FetchBlobs} for the blobs it selects, so it
 * draws from the L1 responder's fault plan; a {@code Fail} is its HTTP status (a 404 for
 * {@code NOT_FOUND}: blobs pruned). The caller holds the world's lock.
 */
final class BeaconApi {
  /** Status, JSON body and the fault the exchange takes. */
  record Reply(int status, String body, Optional<Fault> fault) {
    static Reply of(int status, String body) {
      return new Reply(status, body, Optional.empty());
    }
  }

  /** Deneb's {@code KZG_COMMITMENT_INCLUSION_PROOF_DEPTH}. */
  private static final int INCLUSION_PROOF_DEPTH = 17;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String ZERO_ROOT = "0x" + "00".repeat(32);

  private BeaconApi() {}

  /**
   * @param indices the {@code indices} (sidecars) or {@code versioned_hashes} (blobs) query values,
   *     repeated or comma-separated; empty selects every blob of the block
   */
  static Reply answer(SimWorld world, String path, List<String> indices) {
    var params = world.l1().params();
    if (path.equals("/eth/v1/beacon/genesis")) {
      ObjectNode data = F.objectNode().put("genesis_time", Long.toString(params.genesisTime()))
          .put("genesis_validators_root", ZERO_ROOT).put("genesis_fork_version", "0x00000000");
      return ok(F.objectNode(), data);
    }
    if (path.equals("/eth/v1/config/spec")) {
      ObjectNode data = F.objectNode().put("CONFIG_NAME", "basalt-sim").put("SECONDS_PER_SLOT", Long.toString(params.blockTimeSeconds()))
          .put("SLOTS_PER_EPOCH", "32");
      return ok(F.objectNode(), data);
    }
    boolean sidecars = path.startsWith("/eth/v1/beacon/blob_sidecars/");
    if (!sidecars && !path.startsWith("/eth/v1/beacon/blobs/")) {
      return Reply.of(404, "{\"code\":404,\"message\":\"NOT_FOUND: no such route\"}");
    }
    String slotText = path.substring(path.lastIndexOf('/') + 1);
    Optional<MinedL1Block> block = slot(world, slotText);
    if (block.isEmpty()) {
      return Reply.of(404, "{\"code\":404,\"message\":\"NOT_FOUND: beacon block at slot " + slotText + "\"}");
    }
    List<BlobSidecar> selected = select(block.get().blobs(), indices, sidecars);
    Optional<Fault> fault = world.l1Responder().faults().take(asCommand(block.get(), selected));
    if (fault.isPresent() && fault.get() instanceof Fault.Fail f) {
      int status = WireFaults.status(f.kind());
      return Reply.of(status, F.objectNode().put("code", status).put("message", f.message()).toString());
    }
    ArrayNode data = F.arrayNode();
    for (BlobSidecar s : selected) {
      if (sidecars) {
        data.add(sidecar(world, block.get(), s));
      } else {
        data.add(Hex.encode(s.blob().toArray()));
      }
    }
    ObjectNode top = F.objectNode().put("execution_optimistic", false)
        .put("finalized", block.get().number() <= world.l1().chain().finalized().number());
    Reply reply = ok(top, data);
    return new Reply(reply.status(), reply.body(), fault);
  }

  private static List<BlobSidecar> select(List<BlobSidecar> all, List<String> wanted, boolean byIndex) {
    List<String> keys = new ArrayList<>();
    for (String w : wanted) {
      for (String k : w.split(",")) {
        if (!k.isBlank()) {
          keys.add(k.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    if (keys.isEmpty()) {
      return all;
    }
    return all.stream()
        .filter(s -> keys.contains(byIndex ? Integer.toString(s.index()) : s.versionedHash().toHex().toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static FetchBlobs asCommand(MinedL1Block block, List<BlobSidecar> selected) {
    return new FetchBlobs(0, block.ref(), selected.stream().map(s -> new IndexedBlobHash(s.index(), s.versionedHash())).toList());
  }

  private static ObjectNode sidecar(SimWorld world, MinedL1Block block, BlobSidecar s) {
    ObjectNode o = F.objectNode();
    o.put("index", Integer.toString(s.index()));
    o.put("blob", Hex.encode(s.blob().toArray()));
    o.put("kzg_commitment", s.commitment().toHex());
    o.put("kzg_proof", s.proof().toHex());
    ObjectNode header = o.putObject("signed_block_header");
    String parentRoot = block.header().parentBeaconBlockRoot() == null ? ZERO_ROOT : block.header().parentBeaconBlockRoot().toHex();
    header.putObject("message").put("slot", Long.toString(world.l1().params().slotAt(block.timestamp())))
        .put("proposer_index", "0").put("parent_root", parentRoot).put("state_root", ZERO_ROOT).put("body_root", ZERO_ROOT);
    header.put("signature", "0x" + "00".repeat(96));
    ArrayNode proof = o.putArray("kzg_commitment_inclusion_proof");
    for (int i = 0; i < INCLUSION_PROOF_DEPTH; i++) {
      proof.add(ZERO_ROOT);
    }
    return o;
  }

  /** The canonical block at the slot's time, found by binary search (block times only increase). */
  private static Optional<MinedL1Block> slot(SimWorld world, String id) {
    long slot;
    try {
      slot = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    var params = world.l1().params();
    long time = params.genesisTime() + slot * params.blockTimeSeconds();
    L1ChainStore chain = world.l1().chain();
    long lo = 0;
    long hi = chain.head().number();
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      MinedL1Block b = chain.byNumber(mid).orElseThrow();
      if (b.timestamp() == time) {
        return Optional.of(b);
      }
      if (b.timestamp() < time) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }

  private static Reply ok(ObjectNode top, JsonNode data) {
    top.set("data", data);
    return Reply.of(200, top.toString());
  }
}
