package dev.basalt.testdata.sysconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.sysconfig.ConfigUpdateError;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.sysconfig.ConfigUpdateType;
import dev.basalt.core.sysconfig.ParsedConfigUpdate;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kona's ConfigUpdate decoder cases, run through our op-node-faithful parser. kona's per-type
 * decoders take the payload without topics; here every case becomes a well-formed version-0 log of
 * its file's update type, so only the payload is under test.
 *
 * <p>kona's error variants map onto op-node's rejections as follows. kona checks the total length
 * first ({@code InvalidDataLen}); op-node reads word by word, so empty data fails on the offset
 * word. kona's {@code PointerDecodingError} / {@code InvalidDataPointer} are op-node's invalid
 * offset, {@code LengthDecodingError} / {@code InvalidDataLength} its invalid length, and
 * {@code <Field>DecodingError} its "could not read" value. One case differs in outcome: an
 * EIP-1559 payload of 32 bytes 0xff, which kona rejects as wider than a u64 and op-node accepts,
 * reading denominator and elasticity 0xffffffff from the last 8 bytes.
 */
class ConfigUpdateVectorsTest {
  private static final Map<String, ConfigUpdateType> TYPE_BY_FILE = new TreeMap<>(Map.of(
      "batcher", ConfigUpdateType.BATCHER,
      "gas_config", ConfigUpdateType.FEE_SCALARS,
      "gas_limit", ConfigUpdateType.GAS_LIMIT,
      "signer", ConfigUpdateType.UNSAFE_BLOCK_SIGNER,
      "eip1559", ConfigUpdateType.EIP_1559_PARAMS,
      "operator_fee", ConfigUpdateType.OPERATOR_FEE,
      "min_base_fee", ConfigUpdateType.MIN_BASE_FEE,
      "da_footprint_gas_scalar", ConfigUpdateType.DA_FOOTPRINT_GAS_SCALAR));
  private static final Pattern ERROR = Pattern.compile("err, \\w+::(\\w+)");

  @Test
  void everyKonaCaseHasItsOpNodeOutcome() {
    int accepted = 0;
    int rejected = 0;
    for (JsonNode v : Vectors.json("sysconfig/system_config_update_log_vectors.json").get("vectors")) {
      String test = v.get("test").asText();
      ConfigUpdateType type = TYPE_BY_FILE.get(v.get("file").asText());
      ParsedConfigUpdate parsed = ConfigUpdateParser.parsePayload(type, Hex.decode(v.get("data_hex").asText()));
      String asserted = String.join(" ", iterable(v.get("asserted")));
      Matcher m = ERROR.matcher(asserted);
      if (m.find() && !test.equals("test_eip1559_update_eip1559_decoding_error")) {
        assertEquals(opNodeReason(m.group(1)), assertInstanceOf(ParsedConfigUpdate.Rejected.class, parsed, test).error(), test);
        rejected++;
      } else {
        checkAccepted(test, assertInstanceOf(ParsedConfigUpdate.Parsed.class, parsed, test).update());
        accepted++;
      }
    }
    assertEquals(11, accepted);
    assertEquals(45, rejected);
  }

  private static ConfigUpdateError opNodeReason(String konaVariant) {
    return switch (konaVariant) {
      case "InvalidDataLen", "PointerDecodingError", "InvalidDataPointer" -> ConfigUpdateError.INVALID_POINTER;
      case "LengthDecodingError", "InvalidDataLength" -> ConfigUpdateError.INVALID_LENGTH;
      default -> {
        if (!konaVariant.endsWith("DecodingError")) {
          throw new AssertionError("unmapped kona error " + konaVariant);
        }
        yield ConfigUpdateError.INVALID_VALUE;
      }
    };
  }

  private static void checkAccepted(String test, ConfigUpdate update) {
    ConfigUpdate expected = switch (test) {
      case "test_batcher_update_try_from" -> new ConfigUpdate.Batcher(Address.fromHex("0x000000000000000000000000000000000000bEEF"));
      case "test_signer_update_try_from" -> new ConfigUpdate.UnsafeBlockSigner(Address.fromHex("0x000000000000000000000000000000000000bEEF"));
      case "test_gas_config_update_try_from" -> new ConfigUpdate.FeeScalars(word("babe"), word("beef"));
      case "test_gas_config_update_overhead_decoding_succeeds_max_u256" -> new ConfigUpdate.FeeScalars(word("ff".repeat(32)), word("beef"));
      case "test_gas_config_update_scalar_decoding_succeeds_max_u256" -> new ConfigUpdate.FeeScalars(word("babe"), word("ff".repeat(32)));
      case "test_gas_limit_update_try_from" -> new ConfigUpdate.GasLimit(0xbeef);
      case "test_eip1559_update_try_from" -> new ConfigUpdate.Eip1559Params(0xbabe, 0xbeef);
      // kona rejects this one (EIP1559DecodingError); op-node reads the low 8 bytes only.
      case "test_eip1559_update_eip1559_decoding_error" -> new ConfigUpdate.Eip1559Params(0xffff_ffffL, 0xffff_ffffL);
      case "test_operator_fee_update_try_from" -> new ConfigUpdate.OperatorFee(0xbabe, 0xbeef);
      case "test_min_base_fee_update_try_from" -> new ConfigUpdate.MinBaseFee(0xbeef);
      case "test_da_footprint_update_try_from" -> new ConfigUpdate.DaFootprintGasScalar(0xbeef);
      default -> throw new AssertionError("no expectation for accepted case " + test);
    };
    assertEquals(expected, update, test);
  }

  private static Hash32 word(String hex) {
    return Hash32.fromHex("0x" + "0".repeat(64 - hex.length()) + hex);
  }

  private static Iterable<String> iterable(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
