package dev.basalt.adapters.beacon;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.HttpClients;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Fetches and checks the blobs of an L1 block from the primary beacon endpoint, then each fallback
 * in order. Blocking; the caller runs it on its own thread.
 */
public final class BeaconBlobSource implements AutoCloseable {
  private final BeaconOptions options;
  private final OkHttpClient http;
  private final List<BeaconEndpoint> endpoints = new ArrayList<>();
  private final Object clockLock = new Object();
  private volatile SlotClock clock;

  public BeaconBlobSource(BeaconOptions options) {
    this.options = options;
    this.http = HttpClients.create(options.callTimeoutMillis(), options.maxConcurrency());
    Retrying retrying = new Retrying(options.retry(), options.maxConcurrency());
    endpoints.add(new BeaconEndpoint("beacon " + options.url(), options.url(), options.headers(), http, retrying));
    for (int i = 0; i < options.fallbackUrls().size(); i++) {
      URI u = options.fallbackUrls().get(i);
      endpoints.add(new BeaconEndpoint("beacon fallback " + (i + 1) + " " + u, u, Map.of(), http, retrying));
    }
  }

  /** Loads KZG and reads genesis and slot duration now, so the first blob request need not wait. */
  public void warmUp() {
    Kzg.warmUp();
    try {
      slotClock();
    } catch (CallFailure f) {
      // Retried on the first blob request, which reports it if it persists.
    }
  }

  /**
   * The slot clock: genesis time and {@code SECONDS_PER_SLOT} asked once (primary first, then
   * fallbacks), or the configured slot duration. Not cached until it succeeds.
   */
  public SlotClock slotClock() throws CallFailure {
    SlotClock c = clock;
    if (c != null) {
      return c;
    }
    synchronized (clockLock) {
      if (clock == null) {
        clock = readClock();
      }
      return clock;
    }
  }

  private SlotClock readClock() throws CallFailure {
    List<String> problems = new ArrayList<>();
    CallFailure worst = null;
    for (BeaconEndpoint e : endpoints) {
      try {
        long genesis = e.genesisTimeSeconds();
        long seconds = options.slotDurationOverrideSeconds() > 0 ? options.slotDurationOverrideSeconds() : e.secondsPerSlot();
        if (seconds <= 0) {
          throw CallFailure.invalid(e.name() + ": SECONDS_PER_SLOT is 0");
        }
        return new SlotClock(genesis, seconds);
      } catch (CallFailure f) {
        problems.add(f.detail());
        worst = worse(worst, f);
      }
    }
    throw CallFailure.of(worst.kind(), "beacon genesis and slot duration unavailable: " + String.join("; ", problems));
  }

  /** The blobs {@code wanted} of {@code block}, checked, in the order asked for. */
  public List<Bytes> fetch(L1BlockRef block, List<IndexedBlobHash> wanted) throws CallFailure {
    if (wanted.isEmpty()) {
      return List.of();
    }
    long slot;
    try {
      slot = slotClock().slotAt(block.timestamp());
    } catch (IllegalArgumentException e) {
      throw CallFailure.invalid("L1 block " + block + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    CallFailure worst = null;
    for (BeaconEndpoint e : endpoints) {
      try {
        return fromEndpoint(e, slot, wanted);
      } catch (CallFailure f) {
        problems.add(f.detail());
        worst = worse(worst, f);
      }
    }
    String where = "blobs for slot " + slot + " (L1 block " + block.number() + " " + block.hash().toHex() + ")";
    if (worst.kind() == FailureKind.NOT_FOUND) {
      throw CallFailure.of(FailureKind.NOT_FOUND, where + " pruned or missing on all beacon endpoints: "
          + String.join("; ", problems));
    }
    throw CallFailure.of(worst.kind(), where + " could not be fetched: " + String.join("; ", problems));
  }

  /**
   * Sidecars first; the {@code /blobs} route when this endpoint has no sidecars for the slot or no
   * longer serves them. Timeouts and bad answers move on to the next endpoint instead.
   */
  private static List<Bytes> fromEndpoint(BeaconEndpoint e, long slot, List<IndexedBlobHash> wanted)
      throws CallFailure {
    CallFailure sidecarFailure = null;
    if (!e.sidecarsGone()) {
      try {
        return BlobChecks.fromSidecars(e.sidecars(slot, wanted), wanted, e.name() + " blob_sidecars/" + slot);
      } catch (CallFailure f) {
        if (f.kind() != FailureKind.NOT_FOUND && !e.sidecarsGone()) {
          throw f;
        }
        sidecarFailure = f;
      }
    }
    try {
      return BlobChecks.fromBlobs(e.blobs(slot, wanted), wanted, e.name() + " blobs/" + slot);
    } catch (CallFailure f) {
      if (sidecarFailure == null) {
        throw f;
      }
      CallFailure w = worse(sidecarFailure, f);
      throw CallFailure.of(w.kind(), sidecarFailure.detail() + "; then " + f.detail());
    }
  }

  /** The failure that says most: a bad answer, then a refusal, then a broken call, then not found. */
  static CallFailure worse(CallFailure a, CallFailure b) {
    if (a == null) {
      return b;
    }
    return rank(b.kind()) > rank(a.kind()) ? b : a;
  }

  private static int rank(FailureKind kind) {
    return switch (kind) {
      case INVALID_RESPONSE -> 5;
      case UNAUTHORIZED -> 4;
      case REMOTE_ERROR -> 3;
      case TIMEOUT, TRANSPORT -> 2;
      case NOT_FOUND -> 1;
    };
  }

  @Override
  public void close() {
    HttpClients.shutdown(http);
  }
}
