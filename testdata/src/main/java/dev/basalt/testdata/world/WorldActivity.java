package dev.basalt.testdata.world;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.l1.FakeL1;
import dev.basalt.testdata.world.l1.PortalDeposits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens on L1 besides batching, drawn per block: user deposits through the portal,
 * SystemConfig updates of the kinds the forks active at the block's time know (gas limit, fee
 * scalars, EIP-1559 parameters, operator fee, minimum base fee, DA-footprint scalar), and filler
 * transfers.
 */
final class WorldActivity {
  private final SimWorldConfig config;
  private final RollupConfig rollup;
  private final FakeL1 l1;
  private final SimRng rng;
  private final List<SigningKey> users = new ArrayList<>();
  private final SigningKey owner;
  private final SigningKey filler;

  WorldActivity(SimWorldConfig config, RollupConfig rollup, FakeL1 l1, SimRng rng) {
    this.config = config;
    this.rollup = rollup;
    this.l1 = l1;
    this.rng = rng;
    for (int i = 0; i < 3; i++) {
      users.add(key(rng.fork("user" + i)));
    }
    this.owner = key(rng.fork("owner"));
    this.filler = key(rng.fork("filler"));
  }

  static SigningKey key(SimRng rng) {
    return SigningKey.fromBytes(Hash32.wrap(rng.bytes(32)).toArray());
  }

  SigningKey owner() {
    return owner;
  }

  /** Queues this block's activity for an L1 block at {@code l1Timestamp}. */
  void queue(long l1Timestamp) {
    int fillers = rng.nextInt(config.fillerTxsMax() + 1);
    for (int i = 0; i < fillers; i++) {
      l1.submit(l1.txs().filler(filler, rng));
    }
    if (rng.chance(config.depositChance(), 100)) {
      SigningKey user = users.get(rng.nextInt(users.size()));
      boolean creation = rng.chance(1, 8);
      PortalDeposits d = new PortalDeposits(user.address(), creation ? Address.ZERO : Address.wrap(rng.bytes(20)),
          BigInteger.valueOf(rng.nextLong(1L << 50)), BigInteger.valueOf(rng.nextLong(1L << 40)), rng.between(21_000, 500_000), creation,
          Bytes.of(rng.bytes(rng.nextInt(80))));
      l1.submit(l1.txs().deposit(user, rollup.depositContractAddress(), d));
    }
    if (rng.chance(config.configUpdateChance(), 100)) {
      l1.submit(l1.txs().configUpdate(owner, rollup.l1SystemConfigAddress(), update(l1Timestamp)));
    }
  }

  private ConfigUpdate update(long t) {
    List<ConfigUpdate> options = new ArrayList<>();
    options.add(new ConfigUpdate.GasLimit(rng.between(30_000_000, 60_000_000)));
    options.add(new ConfigUpdate.FeeScalars(Hash32.ZERO, EcotoneScalar.encode(rng.nextLong(1 << 20), rng.nextLong(1 << 20))));
    if (rollup.isActive(Fork.HOLOCENE, t)) {
      options.add(new ConfigUpdate.Eip1559Params(rng.between(1, 1000), rng.between(1, 20)));
    }
    if (rollup.isActive(Fork.ISTHMUS, t)) {
      options.add(new ConfigUpdate.OperatorFee(rng.nextLong(1L << 32), rng.nextLong(1L << 40)));
    }
    if (rollup.isActive(Fork.JOVIAN, t)) {
      options.add(new ConfigUpdate.MinBaseFee(rng.nextLong(2_000_000_000L)));
      options.add(new ConfigUpdate.DaFootprintGasScalar(rng.nextInt(1 << 16)));
    }
    return options.get(rng.nextInt(options.size()));
  }
}
