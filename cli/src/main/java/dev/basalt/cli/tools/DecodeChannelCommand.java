package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.RegistryChain;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt decode channel}: a channel's compressed bytes into its batches. */
@Command(
    name = "channel",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes every batch of a channel and says why the channel ended.",
      "The input is the channel's compressed bytes (its frames' data, concatenated). It is read exactly"
          + " as derivation reads it, under a fork's rules: brotli only from Fjord, and at most 10 MB"
          + " (100 MB from Fjord) of decompressed batches. Without --fork the newest rules apply. With"
          + " --chain, span batches are also expanded: timestamps, L2 block numbers, transaction checks."
    },
    footer = {
      "",
      "Examples:",
      "  basalt decode channel --file channel.bin",
      "  basalt decode channel --file channel.hex --hex --chain op-mainnet \\",
      "      --fork ecotone --txs",
      "",
      "Output: {compression, compressedBytes, decompressedBytes, limits,",
      "  batchCount, batches, end}",
      "  singular: {type, parentHash, epochNum, epochHash, timestamp, txCount}",
      "  span: {type, relTimestamp, l1OriginNumber, parentCheck, l1OriginCheck,",
      "    blockCount, txCount, blocks: [{l1OriginNumber, txCount}]}",
      "  end: {reason, early, detail, afterBatches, atDecompressedByte}",
      "Exit codes: 0 decoded (also when the channel ended early after some",
      "  batches, or by a fork rule), 2 not a channel (nothing decodes)."
    })
final class DecodeChannelCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;
  @Mixin private ChainOption chain;

  @Option(
      names = "--fork",
      paramLabel = "FORK",
      description = "Read under this fork's rules (bedrock, canyon, ..., fjord, ..., karst); default: the newest.")
  String fork;

  @Option(names = "--txs", description = "List each block's transaction hashes (span batches need --chain).")
  boolean txs;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      Optional<RegistryChain> selected = chain.resolve();
      ChannelRules rules = ChannelRules.of(selected, fork);
      byte[] data = input.read("channel");
      ChannelReport report = ChannelReport.read(data, rules, selected.map(RegistryChain::config), txs);
      if (report.notAChannel()) {
        throw new BadInputException(report.problem());
      }
      ObjectNode out = ToolJson.object();
      selected.ifPresent(c -> out.set("chain", ChainOption.describe(c)));
      out.setAll(report.json());
      return ToolRun.Result.ok(out);
    });
  }
}
