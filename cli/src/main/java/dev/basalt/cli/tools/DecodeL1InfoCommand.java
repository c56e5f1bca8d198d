package dev.basalt.cli.tools;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code basalt decode l1-info}: the calldata of an L1-attributes deposit. */
@Command(
    name = "l1-info",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes the calldata of an L1-attributes deposit.",
      "That deposit opens every L2 block. Its layout is told by selector and length: bedrock"
          + " (setL1BlockValues, ABI words), or ecotone, isthmus, jovian (setL1BlockValues<Fork>, packed)."
    },
    footer = {
      "",
      "Example:",
      "  basalt decode l1-info --hex 0x440a5e2000000558000c5fc5...6f63f32985",
      "",
      "Output: {form, selector, function, length, number, timestamp, baseFee,",
      "  blockHash, sequenceNumber, batcherAddress, and per form:",
      "  bedrock: l1FeeOverhead, l1FeeScalar",
      "  ecotone on: blobBaseFee, baseFeeScalar, blobBaseFeeScalar",
      "  isthmus on: operatorFeeScalar, operatorFeeConstant",
      "  jovian: daFootprintGasScalar}",
      "Exit codes: 0 decoded, 2 not L1-info calldata (unknown selector, wrong",
      "  length, non-zero padding)."
    })
final class DecodeL1InfoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () ->
        ToolRun.Result.ok(L1InfoJson.render(L1InfoJson.decode(input.read("L1-info calldata"), "L1-info calldata"))));
  }
}
