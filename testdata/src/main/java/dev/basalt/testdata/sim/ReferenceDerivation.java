package dev.basalt.testdata.sim;

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
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The differential reference: the derivation pipeline alone, with no engine, faults or restarts,
 * run from the L2 genesis over the world's canonical L1 chain as it stands, each derived block's
 * transactions checked against the world's true block. What it derives is what any correct node
 * must end up with as its safe chain.
 */
final class ReferenceDerivation {
  private ReferenceDerivation() {}

  /** The highest block derivable from the canonical L1, or a description of the first disagreement. */
  record Outcome(long safe, Optional<String> disagreement) {}

  static Outcome derive(SimWorld world) {
    List<TrueBlock> chain = world.trueChain().blocks();
    TreeMap<Long, L2BlockInfo> known = new TreeMap<>();
    known.put(chain.get(0).number(), chain.get(0).info());
    DerivationPipeline pipeline = new DerivationPipeline(world.rollupConfig(),
        new StatefulAttributesPreparer(world.rollupConfig(), world.l1ChainConfig(), world.attributes()), n -> Optional.ofNullable(known.get(n)),
        DropListener.NONE, DerivationPipeline.DEFAULT_STEP_BUDGET, world.referenceSenders());
    pipeline.reset(chain.get(0).info());
    long safe = chain.get(0).number();
    long id = 1;
    long head = world.l1().chain().head().number();
    for (long guard = 0; guard < 50_000_000L; guard++) {
      StepResult r = pipeline.step();
      switch (r) {
        case StepResult.Derived d -> {
          long number = d.attributes().parent().number() + 1;
          Optional<TrueBlock> truth = world.trueChain().block(number);
          if (truth.isEmpty() || !truth.get().info().ref().parentHash().equals(d.attributes().parent().hash())) {
            return new Outcome(safe, Optional.of("derived block " + number + " has no true counterpart on parent "
                + d.attributes().parent()));
          }
          known.put(number, truth.get().info());
          pipeline.confirmSafeHead(truth.get().info());
          safe = number;
        }
        case StepResult.NeedL1Block n -> {
          if (n.number() > head) {
            return new Outcome(safe, Optional.empty());
          }
          pipeline.addL1Block(fetch(world, id++, n.number()));
        }
        case StepResult.NeedBlobs n -> {
          List<Bytes> blobs = List.of();
          for (InputEvent e : world.answerQuietly(new FetchBlobs(id++, n.block(), n.hashes()))) {
            if (e instanceof BlobsFetched b) {
              blobs = b.blobs();
            }
          }
          pipeline.addBlobs(n.block(), blobs);
        }
        case StepResult.NeedL2Block n -> world.trueChain().block(n.number()).ifPresent(b -> known.put(b.number(), b.info()));
        case StepResult.Idle i -> {
          if (i.origin().number() + 1 > head) {
            return new Outcome(safe, Optional.empty());
          }
          pipeline.addL1Block(fetch(world, id++, i.origin().number() + 1));
        }
        case StepResult.Progress p -> {}
        case StepResult.WaitingForSafeHead w -> throw new IllegalStateException("confirmation was not given");
        case StepResult.Reset reset -> {
          return new Outcome(safe, Optional.of("reference derivation reset: " + reset.reason()));
        }
        case StepResult.Critical c -> {
          return new Outcome(safe, Optional.of("reference derivation critical: " + c.reason()));
        }
      }
    }
    return new Outcome(safe, Optional.of("reference derivation did not finish"));
  }

  private static L1Block fetch(SimWorld world, long id, long number) {
    for (InputEvent e : world.answerQuietly(new FetchL1Block(id, number))) {
      if (e instanceof L1BlockFetched f) {
        return f.block();
      }
    }
    throw new IllegalStateException("the world has no L1 block " + number);
  }
}
