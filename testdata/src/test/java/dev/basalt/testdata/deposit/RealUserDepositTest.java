package dev.basalt.testdata.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.UserDeposits;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import dev.basalt.core.types.Unsigned;
import dev.basalt.testdata.vectors.Vectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real OP Mainnet user deposit: the receipts of L1 block 18090206 must give exactly the user
 * deposit that L2 block 109279675 carries, byte for byte (its transaction hash).
 */
class RealUserDepositTest {
  private static final Address OP_MAINNET_PORTAL = Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed");

  /** Every log of every receipt, flattened in block order with its receipt's status. */
  static List<ReceiptLog> receiptLogs(JsonNode receipts) {
    List<ReceiptLog> out = new ArrayList<>();
    for (JsonNode r : receipts) {
      boolean ok = Unsigned.parse(r.get("status").asText()) == 1;
      for (JsonNode l : r.get("logs")) {
        List<Hash32> topics = new ArrayList<>();
        l.get("topics").forEach(t -> topics.add(Hash32.fromHex(t.asText())));
        Log log = new Log(Address.fromHex(l.get("address").asText()), topics, Bytes.fromHex(l.get("data").asText()));
        out.add(new ReceiptLog(log, Unsigned.parse(l.get("logIndex").asText()), ok));
      }
    }
    return out;
  }

  @Test
  void l1ReceiptsGiveTheL2BlocksUserDeposit() {
    JsonNode receipts = Vectors.json("op-mainnet-bedrock-blocks/l1/18090206.receipts.json");
    Hash32 l1Hash = Hash32.fromHex(receipts.get(0).get("blockHash").asText());
    UserDeposits.Derived derived =
        assertInstanceOf(UserDeposits.Derived.class, DepositLogs.derive(receiptLogs(receipts), l1Hash, OP_MAINNET_PORTAL));
    assertEquals(1, derived.deposits().size());
    DepositTransaction ours = derived.deposits().get(0);

    JsonNode l2 = Vectors.json("op-mainnet-bedrock-blocks/l2/109279675.block.json").get("transactions").get(1);
    assertEquals(Hash32.fromHex(l2.get("hash").asText()), ours.txHash());
    assertEquals(Hash32.fromHex(l2.get("sourceHash").asText()), ours.sourceHash());
    assertEquals(Address.fromHex(l2.get("from").asText()), ours.from());
    assertEquals(Address.fromHex(l2.get("to").asText()), ours.to());
    assertEquals(new BigInteger(l2.get("mint").asText().substring(2), 16), ours.mint());
    assertEquals(new BigInteger(l2.get("value").asText().substring(2), 16), ours.value());
    assertEquals(Unsigned.parse(l2.get("gas").asText()), ours.gasLimit());
    assertEquals(Bytes.fromHex(l2.get("input").asText()), ours.data());

    JsonNode expected = Vectors.json("op-mainnet-bedrock-blocks/expected.json").get("expected_l2_blocks").get(0);
    assertEquals(2, expected.get("deposit_tx_count").asInt(), "the L1-info deposit and this one");
    assertEquals(Hash32.fromHex(expected.get("tx_hashes").get(1).asText()), ours.txHash());
  }
}
