package dev.basalt.adapters.p2p.reqresp;

import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.core.config.Fork;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.PayloadSsz;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound {@code payload_by_number} stream, in op-node's order: take rate-limit tokens (wait, or
 * answer "unknown error" when the wait would be too long), read the 8-byte little-endian number
 * within the read deadline, check it lies between genesis and the block expected now ("invalid
 * request" otherwise), fetch the payload ("not found" when absent) and write {@code 0}, the version
 * ({@code 1} from Ecotone: parent beacon root first, else {@code 0}) and the framed snappy body.
 * Runs on the connection's I/O thread and the server's scheduler; every step is guarded by this
 * object's lock and the request is answered once.
 */
final class PayloadRequest implements StreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadRequest.class);
  private static final int REQUEST_BYTES = 8;

  private final PayloadByNumberServer server;
  private final byte[] request = new byte[REQUEST_BYTES];
  private int received;
  private boolean ready;
  private boolean remoteClosed;
  private boolean answered;
  private Stream stream;

  PayloadRequest(PayloadByNumberServer server) {
    this.server = server;
  }

  @Override
  public synchronized void onOpen(Stream s) {
    this.stream = s;
    long waitMillis = server.reserve(s.remotePeer().toString());
    if (waitMillis < 0) {
      answer(ResultCode.UNKNOWN_ERROR, "throttled beyond " + server.limits().maxThrottle());
      return;
    }
    long readDeadline = waitMillis + server.limits().readTimeout().toMillis();
    server.later(this::readTimedOut, readDeadline);
    if (waitMillis == 0) {
      ready = true;
    } else {
      server.later(this::throttleOver, waitMillis);
    }
  }

  @Override
  public synchronized void onData(Stream s, byte[] data) {
    int n = Math.min(data.length, REQUEST_BYTES - received);
    System.arraycopy(data, 0, request, received, n);
    received += n;
    proceed();
  }

  @Override
  public synchronized void onRemoteClosed(Stream s) {
    remoteClosed = true;
    proceed();
  }

  private synchronized void throttleOver() {
    ready = true;
    proceed();
  }

  private synchronized void readTimedOut() {
    if (!answered && received < REQUEST_BYTES) {
      answer(ResultCode.UNKNOWN_ERROR, "request not read within " + server.limits().readTimeout());
    }
  }

  private void proceed() {
    if (answered || !ready) {
      return;
    }
    if (received < REQUEST_BYTES) {
      if (remoteClosed) {
        answer(ResultCode.INVALID_REQUEST, "request of " + received + " bytes, expected 8");
      }
      return;
    }
    long number = 0;
    for (int i = REQUEST_BYTES - 1; i >= 0; i--) {
      number = number << 8 | (request[i] & 0xff);
    }
    if (Long.compareUnsigned(number, server.genesisNumber()) < 0) {
      answer(ResultCode.INVALID_REQUEST, "block " + Long.toUnsignedString(number) + " is before genesis");
      return;
    }
    long max = server.maxServable();
    if (max < 0 || Long.compareUnsigned(number, max) > 0) {
      answer(ResultCode.INVALID_REQUEST, "block " + Long.toUnsignedString(number) + " is after the expected head " + max);
      return;
    }
    answered = true; // the source's answer completes it
    long requested = number;
    server.source().payloadByNumber(requested)
        .orTimeout(server.limits().sourceTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((found, error) -> fetched(requested, found, error));
  }

  private synchronized void fetched(long number, Optional<ExecutionPayloadEnvelope> found, Throwable error) {
    answered = false;
    if (error != null) {
      answer(ResultCode.UNKNOWN_ERROR, "payload source failed: " + error);
    } else if (found.isEmpty()) {
      answer(ResultCode.NOT_FOUND, "no block " + number);
    } else if (found.get().payload().blockNumber() != number) {
      answer(ResultCode.UNKNOWN_ERROR, "source answered block " + found.get().payload().blockNumber() + " for " + number);
    } else {
      success(found.get());
    }
  }

  private void success(ExecutionPayloadEnvelope envelope) {
    long timestamp = envelope.payload().timestamp();
    byte[] body;
    try {
      body = PayloadSsz.signedBytes(envelope, BlockVersion.at(server.rollup(), timestamp)).toArray();
    } catch (IllegalArgumentException e) {
      answer(ResultCode.UNKNOWN_ERROR, "cannot encode block " + envelope.payload().blockNumber() + ": " + e.getMessage());
      return;
    }
    if (body.length > PayloadByNumberServer.MAX_BODY_BYTES) {
      answer(ResultCode.UNKNOWN_ERROR, "block " + envelope.payload().blockNumber() + " encodes to " + body.length + " bytes");
      return;
    }
    int version = server.rollup().isActive(Fork.ECOTONE, timestamp) ? 1 : 0;
    answered = true;
    server.count(ResultCode.SUCCESS);
    byte[] header = {ResultCode.SUCCESS.wire(), (byte) version, 0, 0, 0};
    stream.write(header);
    finish(stream.write(SnappyFramed.encode(body)));
  }

  private void answer(ResultCode code, String why) {
    answered = true;
    server.count(code);
    LOG.debug("payload_by_number from {}: {} ({})", stream.remotePeer(), code, why);
    finish(stream.write(new byte[] {code.wire()}));
  }

  /** Closes our side once written; resets the stream if the write or the peer's close takes too long. */
  private void finish(java.util.concurrent.CompletableFuture<Void> written) {
    Stream s = stream;
    written.whenComplete((v, e) -> {
      if (e == null) {
        s.closeWrite();
      }
    });
    server.later(() -> {
      if (s.isOpen()) {
        s.reset();
      }
    }, server.limits().writeTimeout().toMillis());
  }
}
