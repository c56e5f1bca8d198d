package dev.basalt.cli;

import dev.basalt.adapters.rpc.RpcOptions;
import dev.basalt.cli.flags.Env;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's RPC flags ({@code RpcArgs}) and environment variables, and op-node's {@code
 * --rpc.admin-state} (a sequencer's started/stopped state kept in a file across restarts). {@code
 * --rpc.no-restart} and {@code --rpc.dev-enabled} are not offered: Basalt's server does not restart
 * and has no {@code dev_*} namespace, and an accepted flag that did nothing would mislead.
 */
@Command(description = "JSON-RPC server")
final class RpcFlags {
  @Option(names = "--rpc.disabled", defaultValue = "false",
      description = "Do not start the JSON-RPC server.")
  @Env("KONA_NODE_RPC_DISABLED")
  boolean disabled;

  @Option(names = "--rpc.addr", paramLabel = "ADDR", defaultValue = "0.0.0.0",
      description = "JSON-RPC listen address (as kona).")
  @Env("KONA_NODE_RPC_ADDR")
  String addr;

  @Option(names = {"--port", "--rpc.port"}, paramLabel = "PORT", defaultValue = "9545",
      description = "JSON-RPC port, HTTP and WebSocket (0 picks a free one).")
  @Env("KONA_NODE_RPC_PORT")
  int port;

  @Option(names = "--rpc.enable-admin", defaultValue = "false",
      description = "Serve the admin_* methods (reset, postUnsafePayload, setLogLevel).")
  @Env("KONA_NODE_RPC_ENABLE_ADMIN")
  boolean enableAdmin;

  @Option(names = "--rpc.ws-enabled", defaultValue = "false",
      description = "Accept WebSocket connections with head subscriptions (ws_subscribe_unsafe_head ..., eth_subscribe)"
          + " on the RPC port.")
  @Env("KONA_NODE_RPC_WS_ENABLED")
  boolean wsEnabled;

  @Option(names = "--rpc.admin-state", paramLabel = "FILE",
      description = "Sequencer only: keep the sequencer's started/stopped state in this file (op-node's format); at startup it"
          + " overrides --sequencer.stopped.")
  @Env({"KONA_NODE_RPC_ADMIN_STATE", "OP_NODE_RPC_ADMIN_STATE"})
  java.nio.file.Path adminState;

  void check(boolean given) {
    if (port < 0 || port > 65535) {
      throw StartupException.usage("--rpc.port must be 0..65535, got " + port);
    }
    if (addr == null || addr.isBlank()) {
      throw StartupException.usage("--rpc.addr must not be empty");
    }
    if (disabled && given) {
      throw StartupException.usage("--rpc.disabled cannot be combined with other --rpc.* flags");
    }
  }

  RpcOptions options() {
    return RpcOptions.defaults().withHost(addr).withPort(port).withAdmin(enableAdmin).withWebSocket(wsEnabled);
  }
}
