package dev.basalt.testdata.world;

import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.L1BlockRef;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local devnet's world in one process: an L1 chain that mines a block every
 * {@code l1BlockMillis}, an L1 "RPC" that reports its head, safe and finalized labels, and the dev
 * engine. Answers arrive on the world's own thread, like responses from real servers.
 */
public final class DevWorld implements AutoCloseable {
  private final DevL1Chain l1;
  private final DevEngine engine;
  private final Consumer<InputEvent> sink;
  private final long pollMillis;
  private final ScheduledThreadPoolExecutor executor;

  /**
   * @param genesisTimestamp L1 genesis time in seconds; keep it across restarts to keep the chain
   * @param l1BlockSeconds L1 block time
   * @param pollMillis how often the fake L1 RPC reports its labels
   */
  public DevWorld(long seed, long genesisTimestamp, long l1BlockSeconds, long pollMillis, Consumer<InputEvent> sink) {
    this.l1 = new DevL1Chain(seed, genesisTimestamp, l1BlockSeconds, 4, 12);
    this.engine = new DevEngine(l1.block(0), genesisTimestamp);
    this.sink = sink;
    this.pollMillis = pollMillis;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "basalt-devworld");
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    executor.scheduleAtFixedRate(this::report, 0, pollMillis, TimeUnit.MILLISECONDS);
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }

  private void report() {
    long now = nowSeconds();
    sink.accept(new L1HeadObserved(l1.head(now)));
    sink.accept(new L1SafeObserved(l1.safe(now)));
    sink.accept(new L1FinalizedObserved(l1.finalized(now)));
  }

  public void fetchL1Block(FetchL1Block command) {
    executor.execute(
        () -> {
          boolean exists = command.number() <= l1.headNumber(nowSeconds());
          sink.accept(
              exists
                  ? new L1BlockFetched(command.correlationId(), l1.l1Block(command.number()))
                  : new RequestFailed(command.correlationId(), FailureKind.NOT_FOUND, "no L1 block " + command.number()));
        });
  }

  /** The spine's devnet posts no blobs, so any blob asked for is missing. */
  public void fetchBlobs(dev.basalt.core.command.FetchBlobs command) {
    executor.execute(
        () -> sink.accept(new RequestFailed(command.correlationId(), FailureKind.NOT_FOUND, "the devnet has no blobs")));
  }

  /** The spine's stand-in engine cannot do this yet; answer so the core does not wait forever. */
  public void unsupported(long correlationId, String what) {
    executor.execute(
        () -> sink.accept(new RequestFailed(correlationId, FailureKind.REMOTE_ERROR, "the dev engine does not support " + what)));
  }

  /**
   * The dev engine serves no block bodies, so it reads as an empty engine: sync starts begin at
   * the genesis the rollup config describes, which is the dev engine's genesis.
   */
  public void fetchL2Block(dev.basalt.core.command.FetchL2Block command) {
    executor.execute(
        () -> sink.accept(new EngineResponseReceived(command.correlationId(), new EngineResponse.L2Block(Optional.empty()))));
  }

  public void fetchEngineHeads(FetchEngineHeads command) {
    executor.execute(
        () ->
            sink.accept(
                new EngineResponseReceived(
                    command.correlationId(), new EngineResponse.Heads(engine.head(), engine.genesis(), engine.genesis()))));
  }

  public void forkchoiceUpdate(SendForkchoiceUpdate command) {
    executor.execute(
        () ->
            sink.accept(
                new EngineResponseReceived(
                    command.correlationId(),
                    new EngineResponse.ForkchoiceUpdated(
                        PayloadStatus.of(engine.forkchoiceUpdated(command.state())), Optional.empty()))));
  }

  public DevL1Chain l1() {
    return l1;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** The devnet's L1 chain id (not used by any public chain). */
  public static final long L1_CHAIN_ID = 900;

  /** The devnet's L2 chain id (not used by any public chain). */
  public static final long L2_CHAIN_ID = 901;

  /**
   * The devnet's configuration: every fork active from genesis, 2-second L2 blocks, genesis blocks
   * taken from the dev L1 chain and the dev engine.
   */
  public static dev.basalt.core.CoreConfig coreConfig(long seed, long genesisTimestamp, long l1BlockSeconds) {
    DevL1Chain chain = new DevL1Chain(seed, genesisTimestamp, l1BlockSeconds, 4, 12);
    DevEngine engine = new DevEngine(chain.block(0), genesisTimestamp);
    var base = dev.basalt.testdata.gen.TestConfigs.rollup(L1_CHAIN_ID, L2_CHAIN_ID, 2);
    var genesis =
        new dev.basalt.core.config.ChainGenesis(
            chain.block(0).id(), engine.genesis().id(), genesisTimestamp, base.genesis().systemConfig());
    var rollup =
        new dev.basalt.core.config.RollupConfig(
            base.l1ChainId(), base.l2ChainId(), genesis, base.blockTimeSeconds(), base.maxSequencerDriftSeconds(),
            base.seqWindowSize(), base.channelTimeoutBedrock(), base.batchInboxAddress(), base.depositContractAddress(),
            base.l1SystemConfigAddress(), base.forks(), base.pectraBlobScheduleTime(), base.eip1559(), false);
    return new dev.basalt.core.CoreConfig(
        rollup, dev.basalt.testdata.gen.TestConfigs.l1(L1_CHAIN_ID), dev.basalt.core.NodeMode.VALIDATOR);
  }
}
