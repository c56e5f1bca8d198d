package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.RegistryChain;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.types.Address;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt decode batcher-tx}: a signed L1 batcher transaction, its frames and channels. */
@Command(
    name = "batcher-tx",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes an L1 batcher transaction down to its batches.",
      "The input is the signed envelope (e.g. from eth_getRawTransactionByHash). Shown: type, hash,"
          + " recovered sender, recipient and the frames. Channels whose frames are all in this"
          + " transaction are decompressed and their batches shown as 'decode channel' shows them.",
      "With --chain: whether the recipient is the chain's batch inbox, and whether the sender is the"
          + " chain's genesis batcher (the registry knows only that one; a SystemConfig update may have"
          + " authorised another since). Blob transactions carry their frames in blobs: their versioned"
          + " hashes are listed; decode each blob with 'basalt decode blob'."
    },
    footer = {
      "",
      "Examples:",
      "  basalt decode batcher-tx --file tx.bin --chain op-mainnet",
      "  cast rpc eth_getRawTransactionByHash 0x... | basalt decode batcher-tx --file -",
      "",
      "Output: {type, typeByte, hash, sender, chainId, nonce, to,",
      "  chain?: {..., batchInbox, toIsBatchInbox, genesisBatcher,",
      "    senderIsGenesisBatcher},",
      "  dataSource, dataLength, derivationVersion, frameCount, frames,",
      "  channels: [{channelId, frameNumbers, complete, missing?, compression,",
      "    ..., batches, end}]}",
      "Exit codes: 0 decoded, 2 not a signed transaction, or calldata that is not",
      "  batcher data."
    })
final class DecodeBatcherTxCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;
  @Mixin private ChainOption chain;

  @Option(
      names = "--fork",
      paramLabel = "FORK",
      description = "Read channels under this fork's rules (bedrock ... karst); default: the newest.")
  String fork;

  @Option(names = "--txs", description = "List each block's transaction hashes (span batches need --chain).")
  boolean txs;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      Optional<RegistryChain> selected = chain.resolve();
      ChannelRules rules = ChannelRules.of(selected, fork);
      byte[] envelope = input.read("batcher transaction");
      if (envelope.length > 0 && (envelope[0] & 0xff) == DepositTransaction.TYPE) {
        throw new BadInputException("a deposit (0x7e) is an L2 transaction, not an L1 batcher transaction;"
            + " 'basalt decode tx' decodes it");
      }
      SignedTx signed = DecodeTxCommand.signed(envelope, "batcher transaction");
      Transaction tx = signed.tx();
      ObjectNode out = TxJson.identity(signed);
      out.put("chainId", tx.chainId());
      ToolJson.putU64(out, "nonce", tx.nonce());
      out.put("to", tx.to() == null ? null : tx.to().toHex());
      selected.ifPresent(c -> out.set("chain", chainChecks(c, tx.to(), signed.sender().orElse(null))));
      if (tx instanceof BlobTx) {
        blobs(out, tx);
      } else {
        calldata(out, tx, rules, selected.map(RegistryChain::config));
      }
      return ToolRun.Result.ok(out);
    });
  }

  private static ObjectNode chainChecks(RegistryChain chain, Address to, Address sender) {
    ObjectNode out = ChainOption.describe(chain);
    Address inbox = chain.config().batchInboxAddress();
    Address batcher = chain.config().genesis().systemConfig().batcherAddress();
    out.put("batchInbox", inbox.toHex());
    out.put("toIsBatchInbox", inbox.equals(to));
    out.put("genesisBatcher", batcher.toHex());
    out.put("senderIsGenesisBatcher", batcher.equals(sender));
    return out;
  }

  private static void blobs(ObjectNode out, Transaction tx) {
    out.put("dataSource", "blobs");
    out.set("blobVersionedHashes", TxJson.hashes(tx.blobVersionedHashes()));
    out.put("note", "the frames live in the blobs, not in this transaction; fetch each blob (a beacon node's"
        + " blob sidecars) and run 'basalt decode blob'");
  }

  private void calldata(ObjectNode out, Transaction tx, ChannelRules rules, Optional<RollupConfig> chain) {
    out.put("dataSource", "calldata");
    out.put("dataLength", tx.data().length());
    List<Frame> frames = FramesJson.parse(tx.data().toArray(), "calldata");
    FramesJson.addTo(out, frames);
    ArrayNode channels = out.putArray("channels");
    for (ChannelAssembly assembly : ChannelAssembly.of(frames)) {
      ObjectNode channel = channels.addObject();
      channel.put("channelId", assembly.id().toHex());
      ArrayNode numbers = channel.putArray("frameNumbers");
      assembly.frameNumbers().forEach(numbers::add);
      channel.put("complete", assembly.complete());
      if (!assembly.complete()) {
        channel.put("missing", assembly.missing());
        continue;
      }
      channel.setAll(ChannelReport.read(assembly.data(), rules, chain, txs).json());
    }
  }
}
