package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.tx.DecodedTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.UnknownTypeTx;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code basalt decode tx}: any L1 or L2 transaction envelope, deposits included. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes any L1 or L2 transaction, deposits included.",
      "Reads one EIP-2718 envelope: legacy (with and without EIP-155), EIP-2930, EIP-1559, EIP-4844,"
          + " EIP-7702 or an OP deposit (0x7E). Signed transactions show their recovered sender. Deposits"
          + " show their source hash, mint, gas and system flag, whether the source hash is an L1-info or"
          + " a known upgrade deposit's, and their L1-info calldata decoded when they carry it."
    },
    footer = {
      "",
      "Examples:",
      "  basalt decode tx --hex 0x02f8b3018310da46...",
      "  basalt decode tx --hex 0x7ef8f8a0a539eb75...",
      "",
      "Output, signed: {type, typeByte, hash, sender, signingHash, chainId, nonce,",
      "  gasLimit, to, value, the type's fee fields, accessList,",
      "  blobVersionedHashes, authorizationList, dataLength, data, signature}",
      "Output, deposit: {type, typeByte, hash, from, to, mint, value, gasLimit,",
      "  isSystemTx, dataLength, data, sourceHash, source: {domain, ...}, l1Info?}",
      "Exit codes: 0 decoded (also with an invalid signature: sender is then",
      "  null), 2 not a transaction."
    })
final class DecodeTxCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DataInput input;

  @Override
  public Integer call() {
    return ToolRun.guard(spec, () -> ToolRun.Result.ok(decode(input.read("transaction"))));
  }

  static ObjectNode decode(byte[] envelope) {
    if (envelope.length > 0 && (envelope[0] & 0xff) == DepositTransaction.TYPE) {
      try {
        return DepositJson.render(DepositTransaction.decode(envelope));
      } catch (DecodeException e) {
        throw new BadInputException("not a deposit transaction: " + e.getMessage());
      }
    }
    return TxJson.render(signed(envelope, "transaction"));
  }

  /** A signed transaction of a known type, or a message naming why the bytes are not one. */
  static SignedTx signed(byte[] envelope, String what) {
    DecodedTx decoded;
    try {
      decoded = TxCodec.decode(envelope);
    } catch (DecodeException e) {
      throw new BadInputException(what + ": not a transaction envelope: " + e.getMessage());
    }
    if (decoded instanceof UnknownTypeTx u) {
      throw new BadInputException(what + ": type 0x" + String.format("%02x", u.typeByte())
          + " is not a transaction type basalt reads (legacy, 0x01-0x04, deposit 0x7e); hash " + u.hash());
    }
    return (SignedTx) decoded;
  }
}
