package dev.basalt.adapters.node;

import dev.basalt.core.command.PublishPayload;

/** Publishes the blocks this node sequenced (signing them first); never answers the core. */
public interface PublishPort {
  void publish(PublishPayload command);
}
