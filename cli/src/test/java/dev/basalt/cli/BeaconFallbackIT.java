package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blobs the primary beacon node no longer serves (HTTP 404, pruned) fetched from a fallback beacon
 * node ({@code --l1.beacon-fallbacks}): a second HTTP front-end over the same world.
 */
@Tag("slow")
class BeaconFallbackIT {
  @TempDir Path dir;

  @Test
  // Checks that with the primary beacon answering 404 to the next blob request on both of its routes (sidecars, then blobs), three times over, the node reads those
  // blobs from the fallback (which served beacon requests only after the fault was armed), no blob request fails
  // in the journal, and the node converges on the world's true chain with a journal that replays identically
  void blobsThePrimaryBeaconLostComeFromTheFallback() throws Exception {
    try (WorldOverHttp w = WorldOverHttp.start(WorldOverHttp.allForks(31), dir, 0);
        L1HttpServer fallback = L1HttpServer.start(w.world)) {
      URI primary = URI.create(w.l1.url());
      BeaconOptions one = BeaconOptions.of(primary);
      w.startNode(new BeaconOptions(primary, List.of(URI.create(fallback.url())), one.headers(), one.slotDurationOverrideSeconds(),
          one.callTimeoutMillis(), one.retry(), one.maxConcurrency()));
      w.advance(40);
      L2BlockRef before = w.awaitConverged(60);
      assertEquals(0, fallback.beaconRequests(), "the fallback is not asked while the primary answers");
      // The world's front-ends share one fault plan, taken in request order: the primary's sidecars route, then its
      // blobs route (which the adapter tries next on the same endpoint), both 404; then the fallback answers.
      for (int round = 1; round <= 3; round++) {
        long fallbackBefore = fallback.beaconRequests();
        synchronized (w.world) {
          w.world.l1Responder().faults().add(c -> c instanceof FetchBlobs, Fault.Fail.notFound("blob sidecars pruned"), 2);
        }
        w.advance(20);
        w.awaitConverged(60);
        assertTrue(w.world.l1Responder().faults().isEmpty(), "round " + round + ": both 404s were served");
        assertTrue(fallback.beaconRequests() > fallbackBefore, "round " + round + ": the blobs came from the fallback");
      }
      assertTrue(w.expectedSafe().number() > before.number(), "derivation went on");
      w.stopAndReplay();
      var inputs = NodeProcess.inputs(dir);
      assertTrue(inputs.stream().anyMatch(r -> r.event() instanceof BlobsFetched), "blobs fetched");
      assertEquals(List.of(), inputs.stream()
          .filter(r -> r.event() instanceof RequestFailed f && !f.detail().contains("adapter clos")).map(r -> r.event().toString()).toList(),
          "no request failed (but those cut short by the stop): the fallback answered");
    }
  }
}
