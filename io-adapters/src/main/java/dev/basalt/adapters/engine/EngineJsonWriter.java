package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Bytes;
import java.io.IOException;
import java.util.List;

/**
 * The Engine API objects Basalt sends, field for field as op-node and op-geth spell them
 * ({@code op-service/eth/types.go}). Each fork-dependent field is written exactly when the value
 * carries it: the core fills the optionals per fork, so the JSON shape follows the fork.
 */
final class EngineJsonWriter {
  private EngineJsonWriter() {}

  /** {@code ForkchoiceStateV1}. */
  static void forkchoiceState(JsonGenerator gen, ForkchoiceState state) throws IOException {
    gen.writeStartObject();
    JsonHex.hash(gen, "headBlockHash", state.headBlockHash());
    JsonHex.hash(gen, "safeBlockHash", state.safeBlockHash());
    JsonHex.hash(gen, "finalizedBlockHash", state.finalizedBlockHash());
    gen.writeEndObject();
  }

  /**
   * OP {@code PayloadAttributesV1..V3}: {@code withdrawals} from Canyon (V2), {@code
   * parentBeaconBlockRoot} from Ecotone (V3), {@code eip1559Params} from Holocene, {@code
   * minBaseFee} from Jovian; {@code transactions}, {@code noTxPool} and {@code gasLimit} always
   * (the rollup fields exist since Bedrock).
   *
   * <p>{@code minBaseFee} is a JSON number, not a hex quantity: the Jovian spec text says QUANTITY,
   * but op-node ({@code *uint64}) and op-alloy ({@code Option<u64>}) both put a plain number on the
   * wire, and op-reth parses exactly that.
   */
  static void attributes(JsonGenerator gen, PayloadAttributes a) throws IOException {
    gen.writeStartObject();
    JsonHex.quantity(gen, "timestamp", a.timestamp());
    JsonHex.hash(gen, "prevRandao", a.prevRandao());
    JsonHex.address(gen, "suggestedFeeRecipient", a.suggestedFeeRecipient());
    if (a.withdrawals().isPresent()) {
      gen.writeFieldName("withdrawals");
      withdrawals(gen, a.withdrawals().get());
    }
    if (a.parentBeaconBlockRoot().isPresent()) {
      JsonHex.hash(gen, "parentBeaconBlockRoot", a.parentBeaconBlockRoot().get());
    }
    gen.writeFieldName("transactions");
    transactions(gen, a.transactions());
    gen.writeBooleanField("noTxPool", a.noTxPool());
    JsonHex.quantity(gen, "gasLimit", a.gasLimit());
    if (a.eip1559Params().isPresent()) {
      JsonHex.data(gen, "eip1559Params", a.eip1559Params().get());
    }
    if (a.minBaseFee().isPresent()) {
      gen.writeFieldName("minBaseFee");
      gen.writeNumber(Long.toUnsignedString(a.minBaseFee().getAsLong()));
    }
    gen.writeEndObject();
  }

  /**
   * {@code ExecutionPayloadV1..V3} with OP's Isthmus {@code withdrawalsRoot}: {@code withdrawals}
   * from Canyon, {@code blobGasUsed}/{@code excessBlobGas} from Ecotone, {@code withdrawalsRoot}
   * from Isthmus.
   */
  static void payload(JsonGenerator gen, ExecutionPayload p) throws IOException {
    gen.writeStartObject();
    JsonHex.hash(gen, "parentHash", p.parentHash());
    JsonHex.address(gen, "feeRecipient", p.feeRecipient());
    JsonHex.hash(gen, "stateRoot", p.stateRoot());
    JsonHex.hash(gen, "receiptsRoot", p.receiptsRoot());
    JsonHex.data(gen, "logsBloom", p.logsBloom());
    JsonHex.hash(gen, "prevRandao", p.prevRandao());
    JsonHex.quantity(gen, "blockNumber", p.blockNumber());
    JsonHex.quantity(gen, "gasLimit", p.gasLimit());
    JsonHex.quantity(gen, "gasUsed", p.gasUsed());
    JsonHex.quantity(gen, "timestamp", p.timestamp());
    JsonHex.data(gen, "extraData", p.extraData());
    JsonHex.quantity(gen, "baseFeePerGas", p.baseFeePerGas());
    JsonHex.hash(gen, "blockHash", p.blockHash());
    gen.writeFieldName("transactions");
    transactions(gen, p.transactions());
    if (p.withdrawals().isPresent()) {
      gen.writeFieldName("withdrawals");
      withdrawals(gen, p.withdrawals().get());
    }
    if (p.blobGasUsed().isPresent()) {
      JsonHex.quantity(gen, "blobGasUsed", p.blobGasUsed().getAsLong());
    }
    if (p.excessBlobGas().isPresent()) {
      JsonHex.quantity(gen, "excessBlobGas", p.excessBlobGas().getAsLong());
    }
    if (p.withdrawalsRoot().isPresent()) {
      JsonHex.hash(gen, "withdrawalsRoot", p.withdrawalsRoot().get());
    }
    gen.writeEndObject();
  }

  /** {@code WithdrawalV1} list (always empty on OP, but written faithfully). */
  static void withdrawals(JsonGenerator gen, List<Withdrawal> list) throws IOException {
    gen.writeStartArray();
    for (Withdrawal w : list) {
      gen.writeStartObject();
      JsonHex.quantity(gen, "index", w.index());
      JsonHex.quantity(gen, "validatorIndex", w.validatorIndex());
      JsonHex.address(gen, "address", w.address());
      JsonHex.quantity(gen, "amount", w.amountGwei());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private static void transactions(JsonGenerator gen, List<Bytes> txs) throws IOException {
    gen.writeStartArray();
    for (Bytes tx : txs) {
      JsonHex.data(gen, tx);
    }
    gen.writeEndArray();
  }
}
