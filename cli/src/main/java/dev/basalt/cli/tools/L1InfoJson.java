package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.Locale;

/** L1-attributes calldata through {@link L1InfoCalldata}, as JSON with exactly its form's fields. */
final class L1InfoJson {
  private L1InfoJson() {}

  /** True when {@code data} has the selector and length of some form (it may still fail to decode). */
  static boolean looksLikeL1Info(byte[] data) {
    return L1InfoForm.detect(data) != null;
  }

  /**
   * Decodes calldata of any form, telling a wrong length for a known selector from an unknown one.
   *
   * @throws BadInputException naming what does not fit
   */
  static L1BlockInfo decode(byte[] data, String source) {
    if (L1InfoForm.detect(data) == null) {
      throw new BadInputException(source + ": " + whyNoForm(data));
    }
    try {
      return L1InfoCalldata.decode(Bytes.of(data));
    } catch (DecodeException e) {
      throw new BadInputException(source + ": " + e.getMessage());
    }
  }

  private static String whyNoForm(byte[] data) {
    if (data.length < 4) {
      return "L1-info calldata starts with a 4-byte selector, got " + data.length + " bytes";
    }
    int selector = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    for (L1InfoForm form : L1InfoForm.values()) {
      if (form.selector() == selector) {
        return "selector " + selectorHex(form) + " is " + name(form) + "'s, whose calldata has " + form.length()
            + " bytes, but this has " + data.length;
      }
    }
    return "selector " + String.format("0x%08x", selector) + " is no L1-info form's (bedrock 0x015d8eb9, ecotone "
        + "0x440a5e20, isthmus 0x098999be, jovian 0x3db6be2b)";
  }

  static String name(L1InfoForm form) {
    return form.name().toLowerCase(Locale.ROOT);
  }

  private static String selectorHex(L1InfoForm form) {
    return String.format("0x%08x", form.selector());
  }

  private static String function(L1InfoForm form) {
    return switch (form) {
      case BEDROCK -> "setL1BlockValues";
      case ECOTONE -> "setL1BlockValuesEcotone";
      case ISTHMUS -> "setL1BlockValuesIsthmus";
      case JOVIAN -> "setL1BlockValuesJovian";
    };
  }

  static ObjectNode render(L1BlockInfo info) {
    L1InfoForm form = info.form();
    ObjectNode out = ToolJson.object();
    out.put("form", name(form));
    out.put("selector", selectorHex(form));
    out.put("function", function(form));
    out.put("length", form.length());
    ToolJson.putU64(out, "number", info.number());
    ToolJson.putU64(out, "timestamp", info.timestamp());
    out.put("baseFee", info.baseFee());
    out.put("blockHash", info.blockHash().toHex());
    ToolJson.putU64(out, "sequenceNumber", info.sequenceNumber());
    out.put("batcherAddress", info.batcherAddress().toHex());
    if (form == L1InfoForm.BEDROCK) {
      // uint256 words in the ABI; shown as numbers like every other integer.
      out.put("l1FeeOverhead", new BigInteger(1, info.l1FeeOverhead().toArray()));
      out.put("l1FeeScalar", new BigInteger(1, info.l1FeeScalar().toArray()));
      return out;
    }
    out.put("blobBaseFee", info.blobBaseFee());
    out.put("baseFeeScalar", info.baseFeeScalar());
    out.put("blobBaseFeeScalar", info.blobBaseFeeScalar());
    if (form == L1InfoForm.ECOTONE) {
      return out;
    }
    out.put("operatorFeeScalar", info.operatorFeeScalar());
    ToolJson.putU64(out, "operatorFeeConstant", info.operatorFeeConstant());
    if (form == L1InfoForm.JOVIAN) {
      out.put("daFootprintGasScalar", info.daFootprintGasScalar());
    }
    return out;
  }
}
