package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.blob.BlobDecodeException;
import dev.basalt.core.types.Hex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code basalt decode blob}: an EIP-4844 blob into the OP Stack data it carries. */
@Command(
    name = "blob",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes the OP Stack data in an EIP-4844 blob.",
      "The input is one blob (131072 bytes, e.g. from a beacon node's blob sidecars), decoded with the OP"
          + " Stack blob encoding, version 0. The output is the data, or the exact reason the blob holds no"
          + " OP data; when the data is batcher data, its frames are listed too."
    },
    footer = {
      "",
      "Example:",
      "  basalt decode blob --file blob.hex",
      "",
      "Output: {blobBytes, encodingVersion, dataLength, data,",
      "  batcherData?: {derivationVersion, frameCount, frames}, framesError?}",
      "Exit codes: 0 decoded, 2 not a blob or no OP data; the message gives the",
      "  decoder's reason: INVALID_VERSION, INVALID_LENGTH, INVALID_FIELD_ELEMENT,",
      "  EXTRANEOUS_DATA_FIELD_ELEMENT or EXTRANEOUS_DATA."
    })
final class DecodeBlobCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      byte[] bytes = input.read("blob");
      if (bytes.length != Blob.SIZE_BYTES) {
        throw new BadInputException("a blob is " + Blob.SIZE_BYTES + " bytes, the input has " + bytes.length);
      }
      byte[] data;
      try {
        data = BlobCodec.decode(Blob.wrap(bytes));
      } catch (BlobDecodeException e) {
        throw new BadInputException("the blob holds no OP blob data: " + e.getMessage());
      }
      ObjectNode out = ToolJson.object();
      out.put("blobBytes", bytes.length);
      out.put("encodingVersion", BlobCodec.ENCODING_VERSION);
      out.put("dataLength", data.length);
      out.put("data", Hex.encode(data));
      if (data.length > 0) {
        try {
          ObjectNode batcher = out.putObject("batcherData");
          FramesJson.addTo(batcher, FramesJson.parse(data, "blob data"));
        } catch (BadInputException e) {
          out.remove("batcherData");
          out.put("framesError", e.getMessage());
        }
      }
      return ToolRun.Result.ok(out);
    });
  }
}
