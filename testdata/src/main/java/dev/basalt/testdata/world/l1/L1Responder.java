package dev.basalt.testdata.world.l1;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.Request;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.Answer;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.fault.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the core's L1 commands from a {@link FakeL1} the way the L1 and beacon adapters would:
 * {@code FetchL1Block} with the canonical block's derivation view, {@code FetchBlobs} with the
 * blobs in the order asked, and {@code RequestFailed} for what does not exist or for an armed
 * {@link Fault}.
 */
public final class L1Responder {
  private final FakeL1 l1;
  private final RollupAddresses addresses;
  private final FaultPlan<Command> faults = new FaultPlan<>();
  /**
   * Derivation views of recently fetched blocks (a node re-fetches blocks after resets and
   * restarts), each with the block it was cut from: reused only for that very block, so a reorg's
   * replacement is cut afresh. Bounded (a slot per block number modulo its size, the newest view
   * of a number replacing the one there); never iterated.
   */
  private final View[] views = new View[VIEWS];
  /** Entries (a power of two), the view of block number {@code n} at {@code n mod VIEWS}. */
  private static final int VIEWS = 256;
  private final BlobBytesCache blobBytes = new BlobBytesCache();

  private record View(MinedL1Block source, L1Block view) {}

  public L1Responder(FakeL1 l1, RollupAddresses addresses) {
    this.l1 = l1;
    this.addresses = addresses;
  }

  /** Faults for the next matching commands (e.g. missing blobs for the next 3 {@code FetchBlobs}). */
  public FaultPlan<Command> faults() {
    return faults;
  }

  /** True for the commands this responder answers. */
  public static boolean handles(Command c) {
    return c instanceof FetchL1Block || c instanceof FetchBlobs;
  }

  /** The fault-free answer to {@code command}, now (no armed fault is consumed). */
  public List<InputEvent> answerQuietly(Command command) {
    return List.of(switch (command) {
      case FetchL1Block f -> fetchBlock(f);
      case FetchBlobs f -> fetchBlobs(f);
      default -> throw new IllegalArgumentException("not an L1 command: " + command);
    });
  }

  /** The answers to {@code command} (none when a fault drops it). */
  public List<Answer> answer(Command command) {
    long id = ((Request) command).correlationId();
    Optional<Fault> fault = faults.take(command);
    long delay = 0;
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Fault.Fail f -> {
          return List.of(Answer.now(new RequestFailed(id, f.kind(), f.message())));
        }
        case Fault.Timeout t -> {
          return List.of(Answer.now(new RequestFailed(id, FailureKind.TIMEOUT, "simulated L1 timeout")));
        }
        case Fault.Drop d -> {
          return List.of(Answer.now(new RequestFailed(id, FailureKind.TRANSPORT, "simulated L1 connection reset")));
        }
        case Fault.Delay d -> delay = d.millis();
      }
    }
    InputEvent event = switch (command) {
      case FetchL1Block f -> fetchBlock(f);
      case FetchBlobs f -> fetchBlobs(f);
      default -> throw new IllegalArgumentException("not an L1 command: " + command);
    };
    return List.of(new Answer(event, delay));
  }

  private InputEvent fetchBlock(FetchL1Block f) {
    return l1.chain().byNumber(f.number())
        .<InputEvent>map(b -> new L1BlockFetched(f.correlationId(), view(b)))
        .orElseGet(() -> new RequestFailed(f.correlationId(), FailureKind.NOT_FOUND, "no L1 block " + f.number()));
  }

  private L1Block view(MinedL1Block block) {
    synchronized (views) {
      int slot = (int) block.number() & (VIEWS - 1);
      View known = views[slot];
      if (known == null || known.source() != block) {
        known = new View(block, DerivationView.of(block, addresses));
        views[slot] = known;
      }
      return known.view();
    }
  }

  private InputEvent fetchBlobs(FetchBlobs f) {
    Optional<MinedL1Block> block = l1.chain().byHash(f.block().hash(), f.block().number());
    if (block.isEmpty()) {
      return new RequestFailed(f.correlationId(), FailureKind.NOT_FOUND, "no L1 block " + f.block());
    }
    List<Bytes> out = new ArrayList<>(f.hashes().size());
    for (IndexedBlobHash want : f.hashes()) {
      BlobSidecar blob = block.get().blobAt(want.index());
      if (blob == null || !blob.versionedHash().equals(want.versionedHash())) {
        return new RequestFailed(f.correlationId(), FailureKind.NOT_FOUND, "no blob " + want.index() + " " + want.versionedHash()
            + " in L1 block " + f.block());
      }
      out.add(blobBytes.full(blob));
    }
    return new BlobsFetched(f.correlationId(), out);
  }
}
