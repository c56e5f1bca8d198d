package dev.basalt.testdata.world.gossip;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.engine.EngineMemo;
import dev.basalt.testdata.world.engine.PseudoExecution;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The world's gossip peers' toolbox: the unsafe-block signer's key (world-only, drawn from the
 * seed), a stranger's key, and the messages a peer sends for a block, exactly as on the wire: the
 * block's signed bytes in the SSZ layout of the version its timestamp selects, the 65-byte
 * signature in front, snappy block compressed, on topic version 1..4. Hostile peers also forge
 * blocks: an executable sibling of a true block (authentic once signed by the signer: equivocation)
 * and a block moved in time.
 */
public final class GossipPeers {
  private final RollupConfig rollup;
  private final EngineMemo memo;
  private final SimRng keys;
  private GossipSigner signer;
  private int rotations;
  private final GossipSigner stranger;
  /**
   * The last few undamaged messages, by block and signer object: the same block is sent again by
   * duplicate, too-old and too-new faults, and building a message (SSZ, Keccak, signing, snappy)
   * is pure in the block's value and the key, so the remembered message is the one built afresh.
   */
  private final ExecutionPayloadEnvelope[] recentBlocks = new ExecutionPayloadEnvelope[RECENT];
  private final GossipSigner[] recentSigners = new GossipSigner[RECENT];
  private final Message[] recentMessages = new Message[RECENT];
  private int recentNext;

  private static final int RECENT = 16;

  /** A message as a peer sends it, with the block it carries and the address whose key signed it. */
  public record Message(int topicVersion, Bytes data, ExecutionPayloadEnvelope block, Address signedBy) {
    public Hash32 blockHash() {
      return block.payload().blockHash();
    }
  }

  public GossipPeers(RollupConfig rollup, SimRng rng) {
    this(new EngineMemo(rollup), rng);
  }

  /** Peers executing and sealing forged blocks through {@code memo}: share the node engine's, and its import of them is a lookup. */
  public GossipPeers(EngineMemo memo, SimRng rng) {
    this.rollup = memo.rollup();
    this.memo = memo;
    this.keys = rng;
    this.signer = new GossipSigner(secret(rng.fork("unsafe-block-signer")));
    this.stranger = new GossipSigner(secret(rng.fork("stranger")));
  }

  private static byte[] secret(SimRng rng) {
    while (true) {
      byte[] s = rng.bytes(32);
      BigInteger v = new BigInteger(1, s);
      if (v.signum() > 0 && v.compareTo(Secp256k1.N) < 0) {
        return s;
      }
    }
  }

  /** The address the node must learn as its unsafe-block signer. */
  public Address signerAddress() {
    return signer.key().address();
  }

  /**
   * The sequencer's unsafe-block signer key is replaced by a new one (drawn from the seed), as when
   * the SystemConfig owner rotates it; from now on {@link #signed} uses the new key.
   */
  public Address rotateSigner() {
    signer = new GossipSigner(secret(keys.fork("unsafe-block-signer-" + ++rotations)));
    return signerAddress();
  }

  /** How often the signer was rotated. */
  public int rotations() {
    return rotations;
  }

  /** {@code block} signed by the unsafe-block signer. */
  public Message signed(ExecutionPayloadEnvelope block) {
    return message(block, signer, 0);
  }

  /** {@code block} signed by someone else (the node must reject it: wrong signer). */
  public Message signedByStranger(ExecutionPayloadEnvelope block) {
    return message(block, stranger, 0);
  }

  /** {@code block} with the signer's signature damaged: a flipped byte of r, or recovery id 5. */
  public Message corrupted(ExecutionPayloadEnvelope block, boolean flipR) {
    return message(block, signer, flipR ? 1 : 2);
  }

  private Message message(ExecutionPayloadEnvelope block, GossipSigner by, int damage) {
    if (damage != 0) {
      return build(block, by, damage);
    }
    for (int i = 0; i < RECENT; i++) {
      if (recentBlocks[i] == block && recentSigners[i] == by) {
        return recentMessages[i];
      }
    }
    Message m = build(block, by, 0);
    recentBlocks[recentNext] = block;
    recentSigners[recentNext] = by;
    recentMessages[recentNext] = m;
    recentNext = (recentNext + 1) % RECENT;
    return m;
  }

  private Message build(ExecutionPayloadEnvelope block, GossipSigner by, int damage) {
    BlockVersion version = BlockVersion.at(rollup, block.payload().timestamp());
    Bytes signed = GossipMessage.signedBytes(rollup, block);
    byte[] sig = by.sign(GossipMessage.signingHash(rollup.l2ChainId(), signed)).toArray();
    if (damage == 1) {
      sig[7] ^= 0x5a;
    } else if (damage == 2) {
      sig[64] = 5;
    }
    return new Message(version.ordinal() + 1, GossipMessage.encode(Bytes.wrapOwned(sig), signed), block, by.key().address());
  }

  /**
   * A sibling of {@code trueBlock}: on {@code parent} (its true parent, or a forged block at the
   * height below for an equivocating chain), same time and deposits, but one made-up transaction of
   * its own (from {@code salt}) instead of the user transactions, executed and sealed as the
   * engine would, so the node's engine imports it. Signed by the signer it is authentic
   * equivocation: only derivation can tell it is not the canonical block.
   */
  public ExecutionPayloadEnvelope sibling(ExecutionPayload parent, ExecutionPayloadEnvelope trueBlock, long salt) {
    ExecutionPayload p = trueBlock.payload();
    List<Bytes> txs = new ArrayList<>();
    for (Bytes tx : p.transactions()) {
      if (!tx.isEmpty() && (tx.get(0) & 0xff) == DepositTransaction.TYPE) {
        txs.add(tx);
      }
    }
    byte[] marker = new byte[48];
    new SimRng(salt ^ p.blockNumber()).nextBytes(marker);
    marker[0] = 0x02;
    txs.add(Bytes.wrapOwned(marker));
    PseudoExecution.Result r = memo.execute(parent, p.blockNumber(), p.timestamp(), txs);
    boolean ecotone = rollup.isActive(Fork.ECOTONE, p.timestamp());
    ExecutionPayload forged = new ExecutionPayload(parent.blockHash(), p.feeRecipient(), r.stateRoot(), r.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), r.gasUsed(), p.timestamp(), p.extraData(), r.baseFee(), Hash32.ZERO, txs,
        p.withdrawals(), ecotone ? OptionalLong.of(r.blobGasUsed()) : OptionalLong.empty(), p.excessBlobGas(),
        rollup.isActive(Fork.ISTHMUS, p.timestamp()) ? java.util.Optional.of(r.withdrawalsRoot()) : p.withdrawalsRoot());
    return memo.sealed(new ExecutionPayloadEnvelope(forged, trueBlock.parentBeaconBlockRoot()));
  }

  /** {@code block} claiming another number and time, resealed (its hash is right; it executes nowhere). */
  public ExecutionPayloadEnvelope moved(ExecutionPayloadEnvelope block, long number, long timestamp) {
    ExecutionPayload p = block.payload();
    ExecutionPayload moved = new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), number, p.gasLimit(), p.gasUsed(), timestamp, p.extraData(), p.baseFeePerGas(), Hash32.ZERO, p.transactions(),
        p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
    return memo.sealed(new ExecutionPayloadEnvelope(moved, block.parentBeaconBlockRoot()));
  }
}
