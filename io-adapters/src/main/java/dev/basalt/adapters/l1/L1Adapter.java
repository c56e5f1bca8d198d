package dev.basalt.adapters.l1;

import dev.basalt.adapters.beacon.BeaconBlobSource;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.HttpClients;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.adapters.node.L1Port;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.http.HttpService;

/**
 * The L1 adapter: L1 execution JSON-RPC (blocks, receipts, head labels) and beacon blobs behind the
 * {@link L1Port} the command router calls. Each request runs on a virtual thread of its own and is
 * answered exactly once: the success event, or {@link RequestFailed} with the kind and a one-line
 * detail. HTTP requests in flight are bounded by {@code maxConcurrency} per endpoint family.
 */
public final class L1Adapter implements L1Port, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(L1Adapter.class);

  private final L1AdapterOptions options;
  private final EventSink sink;
  private final OkHttpClient http;
  private final HttpService service;
  private final L1BlockFetcher fetcher;
  private final L1HeadPoller poller;
  private final BeaconBlobSource beacon;
  private final RuntimeConfigReads runtimeReads;
  private final RollupConfig rollup;
  private final ExecutorService requests = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("basalt-l1-request-", 0).factory());
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "basalt-l1-poll");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledExecutorService runtimeScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "basalt-l1-runtime-config");
    t.setDaemon(true);
    return t;
  });

  public L1Adapter(L1AdapterOptions options, RollupConfig rollup, EventSink sink) {
    this(options, rollup, sink, CallListener.NONE);
  }

  /** As {@link #L1Adapter(L1AdapterOptions, RollupConfig, EventSink)}, telling {@code listener} of every L1 call attempt. */
  public L1Adapter(L1AdapterOptions options, RollupConfig rollup, EventSink sink, CallListener listener) {
    this.options = options;
    this.sink = sink;
    this.http = HttpClients.create(options.callTimeoutMillis(), options.maxConcurrency());
    this.service = new HttpService(options.rpcUrl().toString(), http);
    Retrying retrying = new Retrying(options.retry(), options.maxConcurrency());
    this.fetcher = new L1BlockFetcher(new JsonRpcClient(service, retrying, options.rpcMaxBatchSize(), listener),
        options.trustRpc(), rollup.batchInboxAddress(),
        List.of(rollup.depositContractAddress(), rollup.l1SystemConfigAddress()));
    // Polls are not retried: the next tick is the retry, and a stuck poll must not delay it long.
    L1BlockFetcher labels = new L1BlockFetcher(
        new JsonRpcClient(service, new Retrying(RetryPolicy.ONCE, 1), options.rpcMaxBatchSize(), listener),
        options.trustRpc(), rollup.batchInboxAddress(), List.of());
    this.poller = new L1HeadPoller(labels::fetchLabel, sink);
    this.runtimeReads = new RuntimeConfigReads(labels,
        new JsonRpcClient(service, new Retrying(RetryPolicy.ONCE, 1), options.rpcMaxBatchSize(), listener));
    this.rollup = rollup;
    this.beacon = new BeaconBlobSource(options.beacon());
  }

  /** Starts head polling and warms up the beacon side (KZG setup, genesis and slot duration). */
  public void start() {
    poller.start(scheduler, options.httpPollIntervalMillis(), options.epochPollIntervalMillis());
    submit(-1, beacon::warmUp);
  }

  /**
   * Starts the runtime-config loader ({@link RuntimeConfigLoader}: the unsafe-block signer from the
   * L1 SystemConfig, protocol versions) on a thread of its own, so a slow L1 never delays head polls.
   *
   * @param fallback the operator's signer ({@code --p2p.unsafe.block.signer}), already on the ring
   */
  public void startRuntimeConfig(java.util.Optional<dev.basalt.core.types.Address> fallback) {
    RuntimeConfigLoader loader = new RuntimeConfigLoader(runtimeReads::latest, runtimeReads::storageAt,
        rollup.l1SystemConfigAddress(), rollup.protocolVersionsAddress(), sink, fallback);
    loader.start(runtimeScheduler, options.runtimeConfigReloadMillis(), RuntimeConfigLoader.STARTUP_BACKOFF);
  }

  /** True once the node said it lacks {@code eth_getBlockReceipts} (for status and tests). */
  public boolean usesReceiptsFallback() {
    return fetcher.receipts().usesFallback();
  }

  @Override
  public void fetchBlock(FetchL1Block command) {
    long id = command.correlationId();
    submit(id, () -> answer(id, () -> new L1BlockFetched(id, fetcher.fetch(command.number()))));
  }

  @Override
  public void fetchBlobs(FetchBlobs command) {
    long id = command.correlationId();
    submit(id, () -> answer(id, () -> new BlobsFetched(id, beacon.fetch(command.block(), command.hashes()))));
  }

  /** Work that yields the answer event or fails with a {@link CallFailure}. */
  @FunctionalInterface
  private interface Work {
    InputEvent run() throws CallFailure;
  }

  private void answer(long id, Work work) {
    InputEvent event;
    try {
      event = work.run();
    } catch (CallFailure f) {
      event = new RequestFailed(id, f.kind(), f.detail());
    } catch (RuntimeException e) {
      LOG.warn("L1 request {} failed unexpectedly", id, e);
      event = new RequestFailed(id, FailureKind.INVALID_RESPONSE, "unexpected error handling the answer: " + e);
    }
    if (!sink.publish(event)) {
      LOG.debug("answer to request {} dropped: the node no longer accepts events", id);
    }
  }

  private void submit(long id, Runnable task) {
    try {
      requests.execute(task);
    } catch (RejectedExecutionException e) {
      if (id >= 0) {
        // Closed: still answer once, from a thread of our own, never the caller's.
        Thread.ofVirtual().start(() -> sink.publish(new RequestFailed(id, FailureKind.TRANSPORT, "L1 adapter closed")));
      }
    }
  }

  /** Stops polling, abandons requests in flight (interrupting them) and releases connections. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    runtimeScheduler.shutdownNow();
    requests.shutdownNow();
    try {
      requests.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    beacon.close();
    HttpClients.shutdown(http);
  }
}
