package dev.basalt.core.upgrade;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;

/** Addresses of contracts created with {@code CREATE}: {@code keccak256(rlp([sender, nonce]))[12:]}. */
public final class ContractAddress {
  private ContractAddress() {}

  public static Address create(Address sender, long nonce) {
    byte[] rlp = new RlpWriter().startList().address(sender).uint64(nonce).endList().toByteArray();
    return Address.wrap(Keccak.hash(rlp).toArray(), 12);
  }
}
