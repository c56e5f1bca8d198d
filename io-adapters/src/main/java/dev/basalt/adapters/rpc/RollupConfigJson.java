package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Hex;
import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code optimism_rollupConfig}: op-node's {@code rollup.Config} JSON, key for key and in its
 * field order, so the answer loads back as a {@code rollup.json} in op-node, kona and Basalt.
 *
 * <ul>
 *   <li>{@code genesis}: {@code l1}, {@code l2} block ids, {@code l2_time}, {@code system_config}
 *       ({@code batcherAddr}, {@code overhead}, {@code scalar}, {@code gasLimit}, packed
 *       {@code eip1559Params} (Bytes8: denominator, elasticity), packed {@code operatorFeeParams}
 *       (Bytes32: scalar at bytes 20..24, constant at 24..32), {@code minBaseFee},
 *       {@code daFootprintGasScalar});
 *   <li>{@code block_time}, {@code max_sequencer_drift} (omitted when zero), {@code seq_window_size},
 *       {@code channel_timeout}, {@code l1_chain_id}, {@code l2_chain_id} (JSON numbers);
 *   <li>one {@code <fork>_time} per scheduled fork (Go {@code omitempty} pointers: unscheduled
 *       forks are left out, a fork at genesis is {@code 0});
 *   <li>{@code batch_inbox_address}, {@code deposit_contract_address},
 *       {@code l1_system_config_address}, {@code protocol_versions_address} (always written: Go's
 *       {@code omitempty} never omits a 20-byte array), {@code chain_op_config}
 *       ({@code eip1559Elasticity}, {@code eip1559Denominator}, {@code eip1559DenominatorCanyon}),
 *       {@code pectra_blob_schedule_time} when set, {@code keep_karst_upgrade_gas} when true.
 * </ul>
 * Addresses and hashes are lower-case hex, as Go's {@code common.Address} marshals them.
 */
public final class RollupConfigJson {
  private RollupConfigJson() {}

  public static String write(RollupConfig c) {
    return RefJson.write(g -> write(g, c));
  }

  static void write(JsonGenerator g, RollupConfig c) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("genesis");
    g.writeFieldName("l1");
    RefJson.blockId(g, c.genesis().l1());
    g.writeFieldName("l2");
    RefJson.blockId(g, c.genesis().l2());
    g.writeNumberField("l2_time", c.genesis().l2Time());
    g.writeFieldName("system_config");
    systemConfig(g, c.genesis().systemConfig());
    g.writeEndObject();
    g.writeNumberField("block_time", c.blockTimeSeconds());
    if (c.maxSequencerDriftSeconds() != 0) {
      g.writeNumberField("max_sequencer_drift", c.maxSequencerDriftSeconds());
    }
    g.writeNumberField("seq_window_size", c.seqWindowSize());
    g.writeNumberField("channel_timeout", c.channelTimeoutBedrock());
    g.writeNumberField("l1_chain_id", c.l1ChainId());
    g.writeNumberField("l2_chain_id", c.l2ChainId());
    for (Fork f : Fork.values()) {
      OptionalLong at = c.forks().activation(f);
      if (at.isPresent()) {
        g.writeFieldName(f.name().toLowerCase(Locale.ROOT) + "_time");
        g.writeNumber(Long.toUnsignedString(at.getAsLong()));
      }
    }
    g.writeStringField("batch_inbox_address", c.batchInboxAddress().toHex());
    g.writeStringField("deposit_contract_address", c.depositContractAddress().toHex());
    g.writeStringField("l1_system_config_address", c.l1SystemConfigAddress().toHex());
    g.writeStringField("protocol_versions_address", c.protocolVersionsAddress().toHex());
    g.writeFieldName("chain_op_config");
    chainOpConfig(g, c.eip1559());
    if (c.pectraBlobScheduleTime() >= 0) {
      g.writeNumberField("pectra_blob_schedule_time", c.pectraBlobScheduleTime());
    }
    if (c.keepKarstUpgradeGas()) {
      g.writeBooleanField("keep_karst_upgrade_gas", true);
    }
    g.writeEndObject();
  }

  static void systemConfig(JsonGenerator g, SystemConfig s) throws IOException {
    g.writeStartObject();
    g.writeStringField("batcherAddr", s.batcherAddress().toHex());
    g.writeStringField("overhead", s.overhead().toHex());
    g.writeStringField("scalar", s.scalar().toHex());
    g.writeNumberField("gasLimit", s.gasLimit());
    byte[] eip1559 = new byte[8];
    putU32(eip1559, 0, s.eip1559Denominator());
    putU32(eip1559, 4, s.eip1559Elasticity());
    g.writeStringField("eip1559Params", hex(eip1559));
    byte[] operatorFee = new byte[32];
    putU32(operatorFee, 20, s.operatorFeeScalar());
    putU32(operatorFee, 24, s.operatorFeeConstant() >>> 32);
    putU32(operatorFee, 28, s.operatorFeeConstant());
    g.writeStringField("operatorFeeParams", hex(operatorFee));
    g.writeFieldName("minBaseFee");
    g.writeNumber(Long.toUnsignedString(s.minBaseFee()));
    g.writeNumberField("daFootprintGasScalar", s.daFootprintGasScalar());
    g.writeEndObject();
  }

  private static void chainOpConfig(JsonGenerator g, Eip1559Params p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("eip1559Elasticity", p.elasticity());
    g.writeNumberField("eip1559Denominator", p.denominator());
    g.writeNumberField("eip1559DenominatorCanyon", p.denominatorCanyon());
    g.writeEndObject();
  }

  private static void putU32(byte[] b, int at, long v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static String hex(byte[] b) {
    return Hex.encode(b);
  }
}
