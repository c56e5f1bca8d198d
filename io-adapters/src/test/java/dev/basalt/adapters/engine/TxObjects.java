package dev.basalt.adapters.engine;

import static dev.basalt.adapters.engine.EngineFixtures.q;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;

/**
 * Renders raw EIP-2718 envelopes as the transaction objects op-geth's {@code eth_getBlockBy*}
 * prints (deposit and 1559 forms), for real blocks whose vectors hold only raw transactions.
 */
final class TxObjects {
  private TxObjects() {}

  static ObjectNode render(Bytes envelope) {
    ObjectNode o = StubEngine.JSON.createObjectNode();
    o.put("hash", Keccak.hash(envelope).toHex());
    if ((envelope.get(0) & 0xff) == DepositTransaction.TYPE) {
      DepositTransaction d = DepositTransaction.decode(envelope);
      o.put("type", "0x7e");
      o.put("sourceHash", d.sourceHash().toHex());
      o.put("from", d.from().toHex());
      if (d.to() != null) {
        o.put("to", d.to().toHex());
      } else {
        o.putNull("to");
      }
      o.put("mint", big(d.mint()));
      o.put("value", big(d.value()));
      o.put("gas", q(d.gasLimit()));
      o.put("isSystemTx", d.isSystemTx());
      o.put("input", d.data().toHex());
      o.put("nonce", "0x0");
      o.put("depositReceiptVersion", "0x1");
      return o;
    }
    SignedTx signed = (SignedTx) TxCodec.decode(envelope);
    if (!(signed.tx() instanceof DynamicFeeTx t)) {
      throw new IllegalArgumentException("only deposit and 1559 envelopes are rendered here");
    }
    o.put("type", "0x2");
    o.put("chainId", big(t.chainId()));
    o.put("nonce", q(t.nonce()));
    o.put("maxPriorityFeePerGas", big(t.maxPriorityFeePerGas()));
    o.put("maxFeePerGas", big(t.maxFeePerGas()));
    o.put("gasPrice", big(t.maxFeePerGas()));
    o.put("gas", q(t.gasLimit()));
    o.put("to", t.to().toHex());
    o.put("value", big(t.value()));
    o.put("input", t.data().toHex());
    var list = o.putArray("accessList");
    for (AccessTuple a : t.accessList()) {
      var entry = list.addObject().put("address", a.address().toHex()).putArray("storageKeys");
      a.storageKeys().forEach(k -> entry.add(k.toHex()));
    }
    o.put("yParity", q(t.signature().yParity()));
    o.put("v", q(t.signature().yParity()));
    o.put("r", big(t.signature().r()));
    o.put("s", big(t.signature().s()));
    return o;
  }

  private static String big(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
