package dev.basalt.bench;

import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.pipeline.DerivationPipeline;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whole-pipeline derivation throughput from in-memory L1 data: the simulated world produces a chain
 * (batches as calldata and blobs), every L1 block and blob is fetched up front, then the pipeline
 * derives the chain with a stand-in engine that confirms each derived block as the world's true one.
 */
final class PipelineBench {
  private PipelineBench() {}

  static List<String> run(int rounds, long chainSeconds) {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(11));
    long genesis = world.config().genesisTime();
    world.advanceTo(genesis + chainSeconds);
    TreeMap<Long, L1Block> l1 = new TreeMap<>();
    TreeMap<Long, List<Bytes>> blobs = new TreeMap<>();
    long id = 1;
    long head = world.l1().chain().head().number();
    for (long n = 0; n <= head; n++) {
      for (InputEvent e : world.handle(new FetchL1Block(id++, n))) {
        if (e instanceof L1BlockFetched f) {
          l1.put(n, f.block());
        }
      }
    }
    List<TrueBlock> chain = world.trueChain().blocks();
    // Only the part of the chain the batcher already posted can be derived.
    long derivable = 0;
    for (TrueBlock b : chain) {
      if (world.trueChain().isBatched(b.number())) {
        derivable = b.number();
      }
    }
    Measurement m = new Measurement("pipeline derivation (simulated chain, all forks)", "blocks", derivable, 0);
    long best = Long.MAX_VALUE;
    for (int round = 0; round < rounds + 1; round++) {
      long t0 = System.nanoTime();
      long derived = deriveAll(world, l1, blobs, chain, derivable);
      long elapsed = System.nanoTime() - t0;
      JournalBench.check(derived == derivable, "derived " + derived + " of " + derivable + " blocks");
      if (round > 0) {
        m.add(elapsed);
        best = Math.min(best, elapsed);
      }
    }
    return List.of(
        m.report(),
        String.format(Locale.ROOT, "%-44s %,d L2 blocks from %,d L1 blocks, %.1f µs per L2 block (best round)",
            "pipeline derivation: size", derivable, l1.size(), best / 1e3 / derivable));
  }

  private static long deriveAll(
      SimWorld world, TreeMap<Long, L1Block> l1, TreeMap<Long, List<Bytes>> blobs, List<TrueBlock> chain, long upTo) {
    TreeMap<Long, L2BlockInfo> known = new TreeMap<>();
    known.put(chain.get(0).number(), chain.get(0).info());
    DerivationPipeline pipeline =
        new DerivationPipeline(
            world.rollupConfig(),
            new StatefulAttributesPreparer(world.rollupConfig(), world.l1ChainConfig()),
            number -> Optional.ofNullable(known.get(number)),
            DropListener.NONE);
    pipeline.reset(chain.get(0).info());
    long safe = chain.get(0).number();
    long id = 1_000_000;
    while (safe < upTo) {
      StepResult r = pipeline.step();
      if (System.getenv("BENCH_DEBUG") != null && !(r instanceof StepResult.Progress)) {
        System.err.println("step: " + r);
      }
      switch (r) {
        case StepResult.Derived d -> {
          TrueBlock next = chain.get((int) (d.attributes().parent().number() + 1 - chain.get(0).number()));
          known.put(next.number(), next.info());
          pipeline.confirmSafeHead(next.info());
          safe = next.number();
        }
        case StepResult.NeedL1Block n -> {
          L1Block block = l1.get(n.number());
          if (block == null) {
            return safe;
          }
          pipeline.addL1Block(block);
        }
        case StepResult.NeedBlobs n -> {
          List<Bytes> fetched = blobs.get(n.block().number());
          if (fetched == null) {
            fetched = new ArrayList<>();
            for (InputEvent e : world.handle(new FetchBlobs(id++, n.block(), n.hashes()))) {
              if (e instanceof BlobsFetched b) {
                fetched = b.blobs();
              }
            }
            blobs.put(n.block().number(), fetched);
          }
          pipeline.addBlobs(n.block(), fetched);
        }
        case StepResult.NeedL2Block n -> {
          TrueBlock b = chain.get((int) (n.number() - chain.get(0).number()));
          known.put(b.number(), b.info());
        }
        case StepResult.Idle i -> {
          // Everything up to the origin is read; the driver hands in the next block when L1 has it.
          L1Block next = l1.get(i.origin().number() + 1);
          if (next == null) {
            return safe;
          }
          pipeline.addL1Block(next);
        }
        case StepResult.Progress p -> {}
        case StepResult.WaitingForSafeHead w -> throw new IllegalStateException("confirmation was not given");
        case StepResult.Reset reset -> throw new IllegalStateException("unexpected reset: " + reset.reason());
        case StepResult.Critical c -> throw new IllegalStateException("critical: " + c.reason());
      }
    }
    return safe;
  }
}
