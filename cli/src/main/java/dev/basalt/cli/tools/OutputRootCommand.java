package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.block.OutputRoot;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt output-root}: the version-0 L2 output root. */
@Command(
    name = "output-root",
    mixinStandardHelpOptions = true,
    description = {
      "Computes a version-0 L2 output root.",
      "keccak256(bytes32(0) ++ stateRoot ++ messagePasserStorageRoot ++ blockHash): the value proposals"
          + " and fault-proof games commit to. The message passer root is the storage root of the"
          + " L2ToL1MessagePasser (0x4200000000000000000000000000000000000016): from eth_getProof before"
          + " Isthmus, the block header's withdrawalsRoot from Isthmus on."
    },
    footer = {
      "",
      "Example:",
      "  basalt output-root --state-root 0x...beef \\",
      "      --message-passer-root 0x...babe --block-hash 0x...c0de",
      "",
      "Output: {version, stateRoot, messagePasserStorageRoot, blockHash, preimage,",
      "  outputRoot}",
      "Exit codes: 0 computed, 2 an argument is not 32 bytes of hex."
    })
public final class OutputRootCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--state-root", required = true, paramLabel = "HASH", description = "The L2 block's state root.")
  String stateRoot;

  @Option(
      names = "--message-passer-root",
      required = true,
      paramLabel = "HASH",
      description = "The L2ToL1MessagePasser's storage root at that block.")
  String messagePasserRoot;

  @Option(names = "--block-hash", required = true, paramLabel = "HASH", description = "The L2 block hash.")
  String blockHash;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> {
      Hash32 state = hash32(stateRoot, "--state-root");
      Hash32 passer = hash32(messagePasserRoot, "--message-passer-root");
      Hash32 block = hash32(blockHash, "--block-hash");
      ObjectNode out = ToolJson.object();
      out.put("version", OutputRoot.VERSION_0.toHex());
      out.put("stateRoot", state.toHex());
      out.put("messagePasserStorageRoot", passer.toHex());
      out.put("blockHash", block.toHex());
      out.put("preimage", Hex.encode(OutputRoot.encodeV0(state, passer, block)));
      out.put("outputRoot", OutputRoot.v0(state, passer, block).toHex());
      return ToolRun.Result.ok(out);
    });
  }

  static Hash32 hash32(String text, String option) {
    byte[] bytes = InputBytes.hex(text, option);
    if (bytes.length != Hash32.LENGTH) {
      throw new BadInputException(option + ": a hash is 32 bytes (64 hex digits), got " + bytes.length + " bytes");
    }
    return Hash32.wrap(bytes);
  }
}
