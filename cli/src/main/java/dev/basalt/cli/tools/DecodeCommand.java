package dev.basalt.cli.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code basalt decode}: the parent of the decoders. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decodes OP Stack data and prints it as JSON.",
    subcommands = {
      DecodeBatcherTxCommand.class,
      DecodeFramesCommand.class,
      DecodeChannelCommand.class,
      DecodeBlobCommand.class,
      DecodeL1InfoCommand.class,
      DecodeTxCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  basalt decode batcher-tx --file tx.bin --chain op-mainnet",
      "  basalt decode frames --hex 0x00ac3299...01",
      "  basalt decode channel --file channel.bin --chain 10 --fork ecotone",
      "  basalt decode blob --file blob.hex",
      "  basalt decode l1-info --hex 0x440a5e20...",
      "  basalt decode tx --hex 0x7ef8f8a0...",
      "",
      "Input: --hex HEX (0x optional) or --file FILE (raw bytes or hex text,",
      "  detected; - reads standard input).",
      "Exit codes: 0 decoded (JSON on standard output), 2 bad input or usage",
      "  (one line on standard error), 4 a bug in the tool (stack trace)."
    })
public final class DecodeCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: batcher-tx, frames, channel, blob, l1-info or tx");
  }
}
