package dev.basalt.testdata.world.l1;

import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An L1 block as derivation sees it ({@link L1Block}), cut from a full block exactly as the L1
 * adapter cuts it from RPC answers: transactions addressed to the batch inbox (any sender: the core
 * checks the batcher itself) with their first block-wide blob index, and the logs the portal and
 * the SystemConfig emitted with their block-wide log index and receipt status.
 */
public final class DerivationView {
  private DerivationView() {}

  public static L1Block of(MinedL1Block block, RollupAddresses addresses) {
    List<InboxTransaction> inbox = new ArrayList<>();
    List<ReceiptLog> logs = new ArrayList<>();
    int blobIndex = 0;
    long logIndex = 0;
    for (int i = 0; i < block.transactions().size(); i++) {
      L1Tx tx = block.transactions().get(i);
      if (addresses.batchInbox().equals(tx.to())) {
        inbox.add(new InboxTransaction(i, tx.envelope(), tx.blobs().isEmpty() ? 0 : blobIndex));
      }
      blobIndex += tx.blobs().size();
      Receipt r = block.receipts().get(i);
      for (Log log : r.logs()) {
        if (log.address().equals(addresses.portal()) || log.address().equals(addresses.systemConfig())) {
          logs.add(new ReceiptLog(log, logIndex, r.success()));
        }
        logIndex++;
      }
    }
    var h = block.header();
    OptionalLong excess = h.excessBlobGas() == null ? OptionalLong.empty() : OptionalLong.of(h.excessBlobGas());
    return new L1Block(block.ref(), h.baseFeePerGas(), h.mixHash(), excess, Optional.ofNullable(h.parentBeaconBlockRoot()), inbox, logs);
  }
}
