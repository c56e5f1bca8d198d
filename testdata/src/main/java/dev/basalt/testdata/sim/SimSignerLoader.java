package dev.basalt.testdata.sim;

import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.gossip.GossipPeers;
import java.util.Optional;

/**
 * The node's runtime-config loader as the simulator plays it: the unsafe-block signer is read from
 * L1's SystemConfig at every start and, after the world rotated it ({@link
 * FaultClass#GOSSIP_SIGNER_ROTATION}), once more a few L1 block times later, and reported to the
 * core as {@link UnsafeBlockSignerObserved}. The chain's first signer is the fallback while L1 names
 * none (kona's precedence). Until a rotation L1 is not consulted, so older seeds run as before.
 *
 * <p>After a rotation the loader also reloads every {@link #RELOAD_MILLIS}, as the node's {@code
 * RuntimeConfigLoader} does ({@code --l1.runtime-config-reload-interval}, 10 minutes), and posts
 * only a change. A reload that would find nothing new is not played at all (it would deliver
 * nothing, and a validator driven until idle must not wait for it): the loader asks for its next
 * reload tick only while L1 names a signer other than the one it last told. That matters when a
 * reorg moves the rotation's update off L1 just as the loader reads (seed 5059 in {@code --mode
 * both}): the node keeps the old signer until the next reload, as a real node would.
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

  /** op-node's default runtime-config reload period. */
  static final long RELOAD_MILLIS = 600_000;
  /** The last read's time (the reload ticker's phase); {@code -1} before the first. */
  private long lastReadMillis = -1;
  /** World time when L1 was first seen naming a signer other than {@link #told}; {@code -1} while it agrees. */
  private long disagreeingSinceMillis = -1;
  /** {@link #onL1} memoised by L1 head: it walks the chain back to the latest update. */
  private Hash32 memoHead;
  private Address memoSigner;

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
    lastReadMillis = world.nowSeconds() * 1000;
    disagreeingSinceMillis = -1;
    return new UnsafeBlockSignerObserved(told);
  }

  /** The SystemConfig owner rotates the signer; the loader reads L1 again {@code l1Blocks} + 1 block times from now. */
  void rotate(int l1Blocks) {
    world.submitUnsafeBlockSignerUpdate(peers.rotateSigner());
    readAtMillis = Math.min(readAtMillis, world.nowSeconds() * 1000 + (l1Blocks + 1L) * world.config().l1BlockSeconds() * 1000L);
    coverage.mark("unsafe-block signer rotated on L1");
  }

  long nextDueMillis() {
    return Math.min(readAtMillis, reloadDueMillis());
  }

  /** The loader's report when its read is due (the runtime posts changes only; an unchanged report is harmless). */
  Optional<UnsafeBlockSignerObserved> deliverDue(long nowMillis) {
    if (readAtMillis <= nowMillis) {
      readAtMillis = Long.MAX_VALUE;
      Address read = read(nowMillis);
      if (!read.equals(told)) {
        coverage.mark("unsafe-block signer learned from L1 after a rotation");
      }
      told = read;
      return Optional.of(new UnsafeBlockSignerObserved(read));
    }
    long reload = reloadDueMillis();
    if (reload > nowMillis) {
      return Optional.empty();
    }
    // A reload is only ever due while L1 names another signer than told (reloadDueMillis), so it posts a change.
    Address read = read(reload);
    coverage.mark("unsafe-block signer corrected by a periodic reload");
    told = read;
    return Optional.of(new UnsafeBlockSignerObserved(read));
  }

  /**
   * The reload tick at which the loader will find L1 naming another signer than it told: the first
   * tick after the disagreement was seen; {@code Long.MAX_VALUE} while L1 agrees, no rotation
   * happened, or a read after a rotation is still pending (it reads L1 anyway).
   */
  private long reloadDueMillis() {
    if (peers.rotations() == 0 || readAtMillis != Long.MAX_VALUE || lastReadMillis < 0) {
      return Long.MAX_VALUE;
    }
    if (onL1().equals(told)) {
      disagreeingSinceMillis = -1;
      return Long.MAX_VALUE;
    }
    if (disagreeingSinceMillis < 0) {
      disagreeingSinceMillis = Math.max(lastReadMillis, world.nowSeconds() * 1000);
    }
    long ticks = Math.max(1, Math.ceilDiv(disagreeingSinceMillis - lastReadMillis, RELOAD_MILLIS));
    return lastReadMillis + ticks * RELOAD_MILLIS;
  }

  private Address read(long atMillis) {
    lastReadMillis = atMillis;
    disagreeingSinceMillis = -1;
    return onL1();
  }

  private Address onL1() {
    if (peers.rotations() == 0) {
      return firstSigner;
    }
    var head = world.l1().chain().head();
    if (!head.hash().equals(memoHead)) {
      Address slot = world.unsafeBlockSignerAt(head);
      memoSigner = slot.equals(Address.ZERO) ? firstSigner : slot;
      memoHead = head.hash();
    }
    return memoSigner;
  }
}
