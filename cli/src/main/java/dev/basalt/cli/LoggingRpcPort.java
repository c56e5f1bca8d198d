package dev.basalt.cli;

import dev.basalt.adapters.node.RpcPort;
import dev.basalt.core.command.RespondRpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC port until the node has an RPC server: answers are logged, not sent. Nothing asks the
 * core yet (no server publishes requests), so this should stay silent; a line here means the core
 * answered a request nobody made, which is worth seeing.
 */
final class LoggingRpcPort implements RpcPort {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingRpcPort.class);

  @Override
  public void respond(RespondRpc command) {
    LOG.info("no RPC server yet; dropping the answer {}", command);
  }
}
