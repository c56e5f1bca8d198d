package dev.basalt.testdata.world.l1;

import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A user deposit through the OptimismPortal: the call an EOA makes ({@code depositTransaction(address
 * to, uint256 value, uint64 gasLimit, bool isCreation, bytes data)}, payable for the mint) and the
 * {@code TransactionDeposited(from, to, version 0, opaqueData)} log the portal emits for it.
 *
 * <p>The log is laid out as the portal's Solidity does it: version-0 {@code opaqueData =
 * abi.encodePacked(mint, value, gasLimit, isCreation, data)}, ABI-encoded as one {@code bytes}
 * argument. {@code from} is the caller unaliased (an EOA); for a creation the portal still logs
 * the {@code to} argument, which is {@code address(0)} by convention.
 *
 * @param mint the ETH sent with the call (minted on L2)
 */
public record PortalDeposits(Address from, Address to, BigInteger mint, BigInteger value, long gasLimit, boolean isCreation, Bytes data) {
  public PortalDeposits {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(mint, "mint");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
  }

  /** The calldata of the portal call. */
  public Bytes calldata() {
    byte[] head = Abi.concat(
        Abi.selector("depositTransaction(address,uint256,uint64,bool,bytes)"),
        Abi.word(to), Abi.word(value), Abi.word(gasLimit), Abi.word(isCreation ? 1 : 0), Abi.word(5 * Abi.WORD));
    byte[] tail = Abi.concat(Abi.word(data.length()), Abi.padded(data.toArray()));
    return Bytes.wrapOwned(Abi.concat(head, tail));
  }

  /** The log the portal at {@code portal} emits. */
  public Log log(Address portal) {
    byte[] opaque = Abi.concat(Abi.word(mint), Abi.word(value), longBytes(gasLimit), new byte[] {(byte) (isCreation ? 1 : 0)},
        data.toArray());
    List<Hash32> topics = List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, Abi.topic(from), Abi.topic(to), Hash32.ZERO);
    return new Log(portal, topics, Bytes.wrapOwned(Abi.encodeBytes(opaque)));
  }

  private static byte[] longBytes(long v) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (v >>> (56 - 8 * i));
    }
    return out;
  }
}
