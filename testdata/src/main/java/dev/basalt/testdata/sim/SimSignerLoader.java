package dev.basalt.testdata.sim;

import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.types.Address;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.gossip.GossipPeers;
import java.util.Optional;

/**
 * The node's runtime-config loader as the simulator plays it: the unsafe-block signer is read from
 * L1's SystemConfig at every start and, after the world rotated it ({@link
 * FaultClass#GOSSIP_SIGNER_ROTATION}), once more a few L1 block times later, and reported to the
 * core as {@link UnsafeBlockSignerObserved}. The chain's first signer is the fallback while L1 names
 * none (kona's precedence). Until a rotation L1 is not consulted, so older seeds run as before.
 */
final class SimSignerLoader {
  private final SimWorld world;
  private final GossipPeers peers;
  private final Coverage coverage;
  private final Address firstSigner;
  /** What the loader last reported. */
  private Address told = Address.ZERO;
  /** When the loader next reads L1 after a rotation; {@code Long.MAX_VALUE} when no read is pending. */
  private long readAtMillis = Long.MAX_VALUE;

  SimSignerLoader(SimWorld world, GossipPeers peers, Coverage coverage) {
    this.world = world;
    this.peers = peers;
    this.coverage = coverage;
    this.firstSigner = peers.signerAddress();
  }

  /** Whether {@code signer} is not the chain's first signer (a rotated key, or a stranger's). */
  boolean notFirst(Address signer) {
    return !signer.equals(firstSigner);
  }

  /** The node (re)started: the signer it reads from L1 now. */
  UnsafeBlockSignerObserved atStart() {
    told = onL1();
    return new UnsafeBlockSignerObserved(told);
  }

  /** The SystemConfig owner rotates the signer; the loader reads L1 again {@code l1Blocks} + 1 block times from now. */
  void rotate(int l1Blocks) {
    world.submitUnsafeBlockSignerUpdate(peers.rotateSigner());
    readAtMillis = Math.min(readAtMillis, world.nowSeconds() * 1000 + (l1Blocks + 1L) * world.config().l1BlockSeconds() * 1000L);
    coverage.mark("unsafe-block signer rotated on L1");
  }

  long nextDueMillis() {
    return readAtMillis;
  }

  /** The loader's report when its read is due (the runtime posts changes only; an unchanged report is harmless). */
  Optional<UnsafeBlockSignerObserved> deliverDue(long nowMillis) {
    if (readAtMillis > nowMillis) {
      return Optional.empty();
    }
    readAtMillis = Long.MAX_VALUE;
    Address read = onL1();
    if (!read.equals(told)) {
      coverage.mark("unsafe-block signer learned from L1 after a rotation");
    }
    told = read;
    return Optional.of(new UnsafeBlockSignerObserved(read));
  }

  private Address onL1() {
    Address slot = peers.rotations() == 0 ? Address.ZERO : world.unsafeBlockSignerAt(world.l1().chain().head());
    return slot.equals(Address.ZERO) ? firstSigner : slot;
  }
}
