package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.sysconfig.SystemConfigSlots;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.l1.L1ChainStore;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.util.Optional;

/**
 * The L1 execution JSON-RPC methods a rollup node calls, answered from the world in geth's shapes
 * ({@link L1Json}): {@code eth_chainId}, {@code eth_blockNumber}, {@code eth_getBlockByNumber}
 * (numbers and the {@code latest/safe/finalized/earliest/pending} tags), {@code
 * eth_getBlockByHash}, {@code eth_getBlockReceipts} (by number, tag or hash), {@code
 * eth_getTransactionReceipt}, {@code eth_getTransactionByHash} and {@code eth_getStorageAt} (the
 * SystemConfig's unsafe-block signer). Unknown methods are {@code
 * -32601}, malformed parameters {@code -32602}, as geth answers them.
 *
 * <p>Faults: a numeric {@code eth_getBlockByNumber} is the wire form of {@code FetchL1Block}, so
 * it draws from the L1 responder's fault plan like the in-process command does. A {@code Fail}
 * with a JSON-RPC code becomes that error object; any other fault is the HTTP exchange's ({@link
 * WireFaults}). The caller holds the world's lock.
 */
final class L1Rpc {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final SimWorld world;

  /** One call's reply object, and the fault its HTTP exchange takes, if any. */
  record Answered(ObjectNode reply, Optional<Fault> wireFault) {}

  L1Rpc(SimWorld world) {
    this.world = world;
  }

  Answered call(JsonNode c) {
    ObjectNode reply = F.objectNode().put("jsonrpc", "2.0");
    reply.set("id", c.get("id") == null ? F.nullNode() : c.get("id"));
    String method = c.path("method").asText();
    JsonNode params = c.path("params");
    Optional<Fault> fault = command(method, params).flatMap(cmd -> world.l1Responder().faults().take(cmd));
    if (fault.isPresent() && fault.get() instanceof Fault.Fail f && f.rpcCode() != 0) {
      reply.putObject("error").put("code", f.rpcCode()).put("message", f.message());
      return new Answered(reply, Optional.empty());
    }
    try {
      reply.set("result", result(method, params));
    } catch (IllegalArgumentException e) {
      reply.putObject("error").put("code", -32602).put("message", e.getMessage());
    } catch (UnsupportedOperationException e) {
      reply.putObject("error").put("code", -32601).put("message", e.getMessage());
    } catch (IllegalStateException e) {
      reply.putObject("error").put("code", -32000).put("message", e.getMessage());
    }
    return new Answered(reply, fault);
  }

  /** The core command a call is the wire form of, for the fault plan. */
  private static Optional<Command> command(String method, JsonNode params) {
    String tag = params.path(0).asText();
    if (method.equals("eth_getBlockByNumber") && tag.startsWith("0x")) {
      try {
        return Optional.of(new FetchL1Block(0, Quantity.parse(tag)));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private JsonNode result(String method, JsonNode params) {
    L1ChainStore chain = world.l1().chain();
    return switch (method) {
      case "eth_chainId" -> F.textNode(Quantity.of(world.l1().params().chainId()));
      case "eth_blockNumber" -> F.textNode(Quantity.of(chain.head().number()));
      case "eth_getBlockByNumber" -> byTag(params.path(0).asText()).<JsonNode>map(b -> L1Json.block(b, fullTxs(params)))
          .orElse(F.nullNode());
      case "eth_getBlockByHash" -> chain.byHash(hash(params.path(0))).<JsonNode>map(b -> L1Json.block(b, fullTxs(params)))
          .orElse(F.nullNode());
      case "eth_getBlockReceipts" -> receipts(params.path(0).asText());
      case "eth_getTransactionReceipt" -> located(hash(params.path(0)), true);
      case "eth_getTransactionByHash" -> located(hash(params.path(0)), false);
      case "eth_getStorageAt" -> storageAt(params);
      default -> throw new UnsupportedOperationException("the method " + method + " does not exist/is not available");
    };
  }

  private static boolean fullTxs(JsonNode params) {
    JsonNode flag = params.path(1);
    if (!flag.isMissingNode() && !flag.isBoolean()) {
      throw new IllegalArgumentException("invalid argument 1: expected a boolean, got " + flag);
    }
    return flag.asBoolean(false);
  }

  private static Hash32 hash(JsonNode n) {
    try {
      return Hash32.fromHex(n.asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid argument 0: hex string of 32 bytes expected, got " + n);
    }
  }

  private Optional<MinedL1Block> byTag(String tag) {
    L1ChainStore chain = world.l1().chain();
    return switch (tag) {
      case "latest", "pending" -> Optional.of(chain.head());
      case "safe" -> Optional.of(chain.safe());
      case "finalized" -> Optional.of(chain.finalized());
      case "earliest" -> Optional.of(chain.genesis());
      default -> {
        try {
          yield chain.byNumber(Quantity.parse(tag));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("invalid argument 0: not a block number or tag: " + tag);
        }
      }
    };
  }

  /**
   * The SystemConfig's unsafe-block-signer slot as the world's chain has it at the block (number,
   * tag, hash, or EIP-1898 {@code {"blockHash"}} / {@code {"blockNumber"}} object); every other
   * slot is zero, as unset storage reads in geth. An unknown block is geth's "header not found".
   */
  private JsonNode storageAt(JsonNode params) {
    Address contract;
    Hash32 slot;
    try {
      contract = Address.fromHex(params.path(0).asText());
      String s = params.path(1).asText();
      slot = Hash32.fromHex("0".repeat(Math.max(0, 66 - s.length())) + s.substring(2));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid argument: address and 32-byte slot expected, got " + params);
    }
    JsonNode at = params.path(2);
    String id = at.isObject() ? (at.has("blockHash") ? at.path("blockHash").asText() : at.path("blockNumber").asText()) : at.asText("latest");
    Optional<MinedL1Block> block = id.length() == 66 ? world.l1().chain().byHash(hash(F.textNode(id))) : byTag(id);
    if (block.isEmpty()) {
      throw new IllegalStateException("header not found");
    }
    byte[] word = new byte[32];
    if (contract.equals(world.rollupConfig().l1SystemConfigAddress()) && slot.equals(SystemConfigSlots.UNSAFE_BLOCK_SIGNER)) {
      world.unsafeBlockSignerAt(block.get()).copyTo(word, 12);
    }
    return F.textNode(Hash32.wrap(word).toHex());
  }

  private JsonNode receipts(String blockId) {
    Optional<MinedL1Block> block = blockId.length() == 66 ? world.l1().chain().byHash(hash(F.textNode(blockId))) : byTag(blockId);
    if (block.isEmpty()) {
      return F.nullNode();
    }
    ArrayNode out = F.arrayNode();
    for (int i = 0; i < block.get().transactions().size(); i++) {
      out.add(L1Json.receipt(block.get(), i));
    }
    return out;
  }

  private JsonNode located(Hash32 txHash, boolean receipt) {
    L1ChainStore chain = world.l1().chain();
    return chain.transaction(txHash).<JsonNode>map(at -> {
      MinedL1Block b = chain.byNumber(at.blockNumber()).orElseThrow();
      return receipt ? L1Json.receipt(b, at.index()) : L1Json.transaction(b, at.index());
    }).orElse(F.nullNode());
  }
}
