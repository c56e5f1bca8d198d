package dev.basalt.adapters.p2p.yamux;

/** yamux header layout and constants. */
final class YamuxFrame {
  static final int HEADER = 12;
  static final int VERSION = 0;
  static final int TYPE_DATA = 0;
  static final int TYPE_WINDOW_UPDATE = 1;
  static final int TYPE_PING = 2;
  static final int TYPE_GO_AWAY = 3;
  static final int FLAG_SYN = 1;
  static final int FLAG_ACK = 2;
  static final int FLAG_FIN = 4;
  static final int FLAG_RST = 8;
  static final int GO_AWAY_NORMAL = 0;
  static final int GO_AWAY_PROTOCOL_ERROR = 1;

  private YamuxFrame() {}

  static byte[] header(int type, int flags, int streamId, int length) {
    byte[] h = new byte[HEADER];
    writeHeader(h, type, flags, streamId, length);
    return h;
  }

  static void writeHeader(byte[] h, int type, int flags, int streamId, int length) {
    h[0] = VERSION;
    h[1] = (byte) type;
    h[2] = (byte) (flags >> 8);
    h[3] = (byte) flags;
    putInt(h, 4, streamId);
    putInt(h, 8, length);
  }

  static int getInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
