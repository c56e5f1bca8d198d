package dev.basalt.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.types.Address;
import org.junit.jupiter.api.Test;

class ContractAddressTest {
  /** Deployed addresses the fork specs list for nonce-0 deployers (and EIP-2935's own). */
  @Test
  void matchesTheAddressesTheSpecsList() {
    assertEquals(Address.fromHex("0x07dbe8500fc591d1852B76feE44d5a05e13097Ff"),
        ContractAddress.create(EcotoneUpgrade.L1_BLOCK_DEPLOYER, 0));
    assertEquals(Address.fromHex("0xb528D11cC114E026F138fE568744c6D45ce6Da7A"),
        ContractAddress.create(EcotoneUpgrade.GAS_PRICE_ORACLE_DEPLOYER, 0));
    assertEquals(Address.fromHex("0xa919894851548179A0750865e7974DA599C0Fac7"),
        ContractAddress.create(FjordUpgrade.GAS_PRICE_ORACLE_DEPLOYER, 0));
    assertEquals(Address.fromHex("0xFf256497D61dcd71a9e9Ff43967C13fdE1F72D12"),
        ContractAddress.create(IsthmusUpgrade.L1_BLOCK_DEPLOYER, 0));
    assertEquals(Address.fromHex("0x4fa2Be8cd41504037F1838BcE3bCC93bC68Ff537"),
        ContractAddress.create(IsthmusUpgrade.OPERATOR_FEE_VAULT_DEPLOYER, 0));
    assertEquals(Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935"),
        ContractAddress.create(IsthmusUpgrade.BLOCK_HASH_HISTORY_SENDER, 0));
    assertEquals(Address.fromHex("0x3Ba4007f5C922FBb33C454B41ea7a1f11E83df2C"),
        ContractAddress.create(JovianUpgrade.L1_BLOCK_DEPLOYER, 0));
    assertEquals(Address.fromHex("0x4f1db3c6AbD250ba86E0928471A8F7DB3AFd88F1"),
        ContractAddress.create(JovianUpgrade.GAS_PRICE_ORACLE_DEPLOYER, 0));
  }
}
