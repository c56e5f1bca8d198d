package dev.basalt.adapters.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The floor to compare the adapter with: one blocking keep-alive HTTP/1.1 connection with
 * {@code TCP_NODELAY}, writing a fixed request and reading the response by its Content-Length,
 * on the calling thread, with no JSON work. Measurement only; never used by the node.
 */
final class RawHttpBaseline implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] head;

  RawHttpBaseline(URI url, String authorization) throws IOException {
    socket = new Socket(url.getHost(), url.getPort());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    head = ("POST / HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nContent-Type: application/json\r\n"
        + "Authorization: " + authorization + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one request and returns the response body. */
  byte[] call(byte[] body) throws IOException {
    ByteArrayOutputStream req = new ByteArrayOutputStream(head.length + body.length + 16);
    req.write(head);
    req.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    req.write(body);
    out.write(req.toByteArray());
    out.flush();
    int length = -1;
    String line;
    while (!(line = readLine()).isEmpty()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).strip());
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    return in.readNBytes(length);
  }

  private String readLine() throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
