package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.derive.frame.Frame;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code basalt decode frames}: batcher data (calldata or blob data) into its frames. */
@Command(
    name = "frames",
    mixinStandardHelpOptions = true,
    description = {
      "Splits batcher data into its frames.",
      "The data is a calldata batcher transaction's input, or what a blob decodes to: derivation version"
          + " 0, then frames. As in derivation, one bad frame rejects them all."
    },
    footer = {
      "",
      "Example:",
      "  basalt decode frames --hex 0x00b3ec7df691dc58384222fbdc05891b08000000000bd478da...01",
      "",
      "Output: {derivationVersion, frameCount,",
      "  frames: [{channelId, frameNumber, dataOffset, dataLength, isLast}]}",
      "  dataOffset: where the frame's data starts in the input.",
      "Exit codes: 0 decoded, 2 not batcher data (the message names the bad frame)."
    })
final class DecodeFramesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      List<Frame> frames = FramesJson.parse(input.read("batcher data"), "batcher data");
      ObjectNode out = ToolJson.object();
      FramesJson.addTo(out, frames);
      return ToolRun.Result.ok(out);
    });
  }
}
