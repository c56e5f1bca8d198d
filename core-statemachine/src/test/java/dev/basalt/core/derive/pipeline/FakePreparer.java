package dev.basalt.core.derive.pipeline;

import dev.basalt.core.derive.AttributesPreparer;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stand-in for the real attributes builder: one fake deposit ({@code 0x7e ++ epoch hash ++
 * epoch number}) so an engine fake can tell the block's L1 origin, and the parent's system config.
 */
public final class FakePreparer implements AttributesPreparer {
  public final List<Long> epochsSeen = new ArrayList<>();
  /** When set, the next call answers this instead. */
  public PrepareOutcome next;

  @Override
  public PrepareOutcome prepare(L2BlockInfo parent, L1Block epoch, long timestamp) {
    if (next != null) {
      PrepareOutcome out = next;
      next = null;
      return out;
    }
    epochsSeen.add(epoch.ref().number());
    PayloadAttributes attrs = new PayloadAttributes(timestamp, epoch.mixHash(), Address.ZERO, Optional.of(List.of()),
        Optional.empty(), List.of(deposit(epoch)), true, parent.systemConfig().gasLimit(), Optional.empty(), OptionalLong.empty());
    return new PrepareOutcome.Prepared(attrs, parent.systemConfig());
  }

  public static Bytes deposit(L1Block epoch) {
    byte[] out = new byte[1 + 32 + 8];
    out[0] = 0x7e;
    epoch.ref().hash().copyTo(out, 1);
    long n = epoch.ref().number();
    for (int i = 0; i < 8; i++) {
      out[33 + i] = (byte) (n >>> (56 - 8 * i));
    }
    return Bytes.wrapOwned(out);
  }
}
