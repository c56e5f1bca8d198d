package dev.basalt.adapters.l1;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.stub.RecordingSink;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.event.InputEvent;
import java.net.URI;

/** An {@link L1Adapter} pointed at stub servers, with short timeouts and quick retries. */
final class AdapterHarness implements AutoCloseable {
  static final RetryPolicy QUICK = new RetryPolicy(3, 10, 40);

  final RecordingSink sink = new RecordingSink();
  final L1Adapter adapter;
  private long nextId = 1;

  AdapterHarness(URI rpc, URI beacon, boolean trustRpc) {
    this(options(rpc, beacon, trustRpc, 2_000, QUICK), RealL1Blocks.OP_MAINNET);
  }

  AdapterHarness(L1AdapterOptions options, RollupConfig rollup) {
    adapter = new L1Adapter(options, rollup, sink);
  }

  static L1AdapterOptions options(URI rpc, URI beacon, boolean trustRpc, long callTimeoutMillis, RetryPolicy retry) {
    return new L1AdapterOptions(rpc, trustRpc, 60_000, 60_000, 20, 4, callTimeoutMillis, retry,
        BeaconOptions.of(beacon));
  }

  /** Fetches block {@code number} through the port and waits for the answer. */
  InputEvent fetch(long number) {
    long id = nextId++;
    adapter.fetchBlock(new FetchL1Block(id, number));
    InputEvent e = sink.take(20_000);
    if (!e.toString().contains("correlationId=" + id)) {
      throw new AssertionError("answer for another request: " + e);
    }
    return e;
  }

  @Override
  public void close() {
    adapter.close();
  }
}
