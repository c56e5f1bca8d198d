package dev.basalt.adapters;

import dev.basalt.adapters.node.CommandHandlers;
import dev.basalt.adapters.node.WorldAdapters;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A tiny world for adapter tests: answers every request on its own thread. */
public final class TestWorld implements WorldAdapters {
  private final EventSink sink;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  public final AtomicLong rpcResponses = new AtomicLong();

  public TestWorld(EventSink sink) {
    this.sink = sink;
  }

  public static Hash32 hash(int tag, long n) {
    byte[] b = new byte[32];
    b[0] = (byte) tag;
    for (int i = 0; i < 8; i++) {
      b[24 + i] = (byte) (n >>> (56 - 8 * i));
    }
    return Hash32.wrap(b);
  }

  public static L2BlockRef l2(long n) {
    return new L2BlockRef(hash(2, n), n, hash(2, n - 1), 1000 + 2 * n, new BlockId(hash(1, n / 6), n / 6), n % 6);
  }

  /** L1 block {@code n}; block 0 is the test configs' L1 genesis (zero hash), so sync starts find it. */
  public static L1BlockRef l1(long n) {
    return new L1BlockRef(l1Hash(n), n, l1Hash(n - 1), 1000 + 12 * n);
  }

  private static Hash32 l1Hash(long n) {
    return n == 0 ? Hash32.ZERO : hash(1, n);
  }

  private void answer(InputEvent e) {
    executor.execute(() -> sink.publish(e));
  }

  @Override
  public CommandHandlers handlers() {
    var l1Port =
        new dev.basalt.adapters.node.L1Port() {
          @Override
          public void fetchBlock(dev.basalt.core.command.FetchL1Block c) {
            answer(new L1BlockFetched(c.correlationId(), dev.basalt.core.l1.L1Block.empty(l1(c.number()), java.math.BigInteger.ONE, Hash32.ZERO)));
          }

          @Override
          public void fetchBlobs(dev.basalt.core.command.FetchBlobs c) {
            answer(new dev.basalt.core.event.BlobsFetched(c.correlationId(), java.util.List.of()));
          }
        };
    var enginePort =
        new dev.basalt.adapters.node.EnginePort() {
          @Override
          public void fetchHeads(dev.basalt.core.command.FetchEngineHeads c) {
            answer(new EngineResponseReceived(c.correlationId(), new EngineResponse.Heads(l2(30), l2(20), l2(10))));
          }

          @Override
          public void fetchBlock(dev.basalt.core.command.FetchL2Block c) {
            answer(new EngineResponseReceived(c.correlationId(), new EngineResponse.L2Block(Optional.empty())));
          }

          @Override
          public void forkchoiceUpdate(dev.basalt.core.command.SendForkchoiceUpdate c) {
            answer(
                new EngineResponseReceived(
                    c.correlationId(),
                    new EngineResponse.ForkchoiceUpdated(PayloadStatus.of(ExecutionStatus.VALID), Optional.empty())));
          }

          @Override
          public void newPayload(dev.basalt.core.command.SendNewPayload c) {
            answer(new EngineResponseReceived(c.correlationId(), new EngineResponse.NewPayloadResult(PayloadStatus.of(ExecutionStatus.VALID))));
          }

          @Override
          public void getPayload(dev.basalt.core.command.GetPayload c) {
            answer(new EngineResponseReceived(c.correlationId(), new EngineResponse.RpcError(-38001, "unknown payload")));
          }
        };
    return new CommandHandlers(l1Port, enginePort, c -> rpcResponses.incrementAndGet(), dev.basalt.adapters.node.SafeHeadStore.NONE);
  }

  @Override
  public void start() {}

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
