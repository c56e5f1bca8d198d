package dev.basalt.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One-shot Keccak-256 (rate 136 bytes, the original 0x01 padding), written for speed: lanes are
 * read eight bytes at a time, the final block straight from the input, and the permutation keeps
 * all 25 lanes in local variables, two rounds per pass, with theta's column parities computed
 * during chi. {@link Keccak} uses it; tests check it against BouncyCastle's {@code KeccakDigest}
 * on every length around the rate boundary and on random inputs.
 */
final class Keccak256 {
  private static final int RATE = 136;
  private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long[] RC = {
      0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
      0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
      0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
      0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
      0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
      0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  private Keccak256() {}

  /** Keccak-256 of {@code data[offset, offset + length)} into {@code out[outOffset, outOffset + 32)}. */
  static void hash(byte[] data, int offset, int length, byte[] out, int outOffset) {
    long[] s = new long[25];
    int end = offset + length;
    int at = offset;
    while (end - at >= RATE) {
      for (int i = 0; i < RATE / 8; i++) {
        s[i] ^= (long) LANE.get(data, at + 8 * i);
      }
      permute(s);
      at += RATE;
    }
    // The final block straight from the input: its whole lanes, then the partial lane with the
    // 0x01 pad byte after the data, and 0x80 on the block's last byte (they share it at 135 bytes).
    int rest = end - at;
    int lanes = rest >>> 3;
    for (int i = 0; i < lanes; i++) {
      s[i] ^= (long) LANE.get(data, at + 8 * i);
    }
    int tail = rest & 7;
    long partial = 0x01L << (8 * tail);
    for (int j = 0; j < tail; j++) {
      partial |= (data[at + 8 * lanes + j] & 0xffL) << (8 * j);
    }
    s[lanes] ^= partial;
    s[RATE / 8 - 1] ^= 0x80L << 56;
    permute(s);
    for (int i = 0; i < 4; i++) {
      LANE.set(out, outOffset + 8 * i, s[i]);
    }
  }

  /**
   * Keccak-f[1600] on the 25 lanes (index x + 5 y), two rounds per pass with the lanes held in
   * locals, named as in the Keccak team's reference code (rows b g k m s, columns a e i o u; A is
   * the state, E the state after the first round of a pair). Each round's chi step also computes
   * the column parities theta needs next, so no pass re-reads all 25 lanes just for theta.
   */
  static void permute(long[] s) {
    long aba = s[0]; long abe = s[1]; long abi = s[2]; long abo = s[3]; long abu = s[4];
    long aga = s[5]; long age = s[6]; long agi = s[7]; long ago = s[8]; long agu = s[9];
    long aka = s[10]; long ake = s[11]; long aki = s[12]; long ako = s[13]; long aku = s[14];
    long ama = s[15]; long ame = s[16]; long ami = s[17]; long amo = s[18]; long amu = s[19];
    long asa = s[20]; long ase = s[21]; long asi = s[22]; long aso = s[23]; long asu = s[24];
    long eba; long ebe; long ebi; long ebo; long ebu;
    long ega; long ege; long egi; long ego; long egu;
    long eka; long eke; long eki; long eko; long eku;
    long ema; long eme; long emi; long emo; long emu;
    long esa; long ese; long esi; long eso; long esu;
    long ca = aba ^ aga ^ aka ^ ama ^ asa;
    long ce = abe ^ age ^ ake ^ ame ^ ase;
    long ci = abi ^ agi ^ aki ^ ami ^ asi;
    long co = abo ^ ago ^ ako ^ amo ^ aso;
    long cu = abu ^ agu ^ aku ^ amu ^ asu;
    for (int round = 0; round < 24; round += 2) {
      {
        long da = cu ^ Long.rotateLeft(ce, 1);
        long de = ca ^ Long.rotateLeft(ci, 1);
        long di = ce ^ Long.rotateLeft(co, 1);
        long d0 = ci ^ Long.rotateLeft(cu, 1);
        long du = co ^ Long.rotateLeft(ca, 1);
        long b00 = (aba ^ da);
        long b10 = Long.rotateLeft(age ^ de, 44);
        long b20 = Long.rotateLeft(aki ^ di, 43);
        long b30 = Long.rotateLeft(amo ^ d0, 21);
        long b40 = Long.rotateLeft(asu ^ du, 14);
        eba = b00 ^ (~b10 & b20) ^ RC[round];
        ebe = b10 ^ (~b20 & b30);
        ebi = b20 ^ (~b30 & b40);
        ebo = b30 ^ (~b40 & b00);
        ebu = b40 ^ (~b00 & b10);
        long b01 = Long.rotateLeft(abo ^ d0, 28);
        long b11 = Long.rotateLeft(agu ^ du, 20);
        long b21 = Long.rotateLeft(aka ^ da, 3);
        long b31 = Long.rotateLeft(ame ^ de, 45);
        long b41 = Long.rotateLeft(asi ^ di, 61);
        ega = b01 ^ (~b11 & b21);
        ege = b11 ^ (~b21 & b31);
        egi = b21 ^ (~b31 & b41);
        ego = b31 ^ (~b41 & b01);
        egu = b41 ^ (~b01 & b11);
        long b02 = Long.rotateLeft(abe ^ de, 1);
        long b12 = Long.rotateLeft(agi ^ di, 6);
        long b22 = Long.rotateLeft(ako ^ d0, 25);
        long b32 = Long.rotateLeft(amu ^ du, 8);
        long b42 = Long.rotateLeft(asa ^ da, 18);
        eka = b02 ^ (~b12 & b22);
        eke = b12 ^ (~b22 & b32);
        eki = b22 ^ (~b32 & b42);
        eko = b32 ^ (~b42 & b02);
        eku = b42 ^ (~b02 & b12);
        long b03 = Long.rotateLeft(abu ^ du, 27);
        long b13 = Long.rotateLeft(aga ^ da, 36);
        long b23 = Long.rotateLeft(ake ^ de, 10);
        long b33 = Long.rotateLeft(ami ^ di, 15);
        long b43 = Long.rotateLeft(aso ^ d0, 56);
        ema = b03 ^ (~b13 & b23);
        eme = b13 ^ (~b23 & b33);
        emi = b23 ^ (~b33 & b43);
        emo = b33 ^ (~b43 & b03);
        emu = b43 ^ (~b03 & b13);
        long b04 = Long.rotateLeft(abi ^ di, 62);
        long b14 = Long.rotateLeft(ago ^ d0, 55);
        long b24 = Long.rotateLeft(aku ^ du, 39);
        long b34 = Long.rotateLeft(ama ^ da, 41);
        long b44 = Long.rotateLeft(ase ^ de, 2);
        esa = b04 ^ (~b14 & b24);
        ese = b14 ^ (~b24 & b34);
        esi = b24 ^ (~b34 & b44);
        eso = b34 ^ (~b44 & b04);
        esu = b44 ^ (~b04 & b14);
        ca = eba ^ ega ^ eka ^ ema ^ esa;
        ce = ebe ^ ege ^ eke ^ eme ^ ese;
        ci = ebi ^ egi ^ eki ^ emi ^ esi;
        co = ebo ^ ego ^ eko ^ emo ^ eso;
        cu = ebu ^ egu ^ eku ^ emu ^ esu;
      }
      {
        long da = cu ^ Long.rotateLeft(ce, 1);
        long de = ca ^ Long.rotateLeft(ci, 1);
        long di = ce ^ Long.rotateLeft(co, 1);
        long d0 = ci ^ Long.rotateLeft(cu, 1);
        long du = co ^ Long.rotateLeft(ca, 1);
        long b00 = (eba ^ da);
        long b10 = Long.rotateLeft(ege ^ de, 44);
        long b20 = Long.rotateLeft(eki ^ di, 43);
        long b30 = Long.rotateLeft(emo ^ d0, 21);
        long b40 = Long.rotateLeft(esu ^ du, 14);
        aba = b00 ^ (~b10 & b20) ^ RC[round + 1];
        abe = b10 ^ (~b20 & b30);
        abi = b20 ^ (~b30 & b40);
        abo = b30 ^ (~b40 & b00);
        abu = b40 ^ (~b00 & b10);
        long b01 = Long.rotateLeft(ebo ^ d0, 28);
        long b11 = Long.rotateLeft(egu ^ du, 20);
        long b21 = Long.rotateLeft(eka ^ da, 3);
        long b31 = Long.rotateLeft(eme ^ de, 45);
        long b41 = Long.rotateLeft(esi ^ di, 61);
        aga = b01 ^ (~b11 & b21);
        age = b11 ^ (~b21 & b31);
        agi = b21 ^ (~b31 & b41);
        ago = b31 ^ (~b41 & b01);
        agu = b41 ^ (~b01 & b11);
        long b02 = Long.rotateLeft(ebe ^ de, 1);
        long b12 = Long.rotateLeft(egi ^ di, 6);
        long b22 = Long.rotateLeft(eko ^ d0, 25);
        long b32 = Long.rotateLeft(emu ^ du, 8);
        long b42 = Long.rotateLeft(esa ^ da, 18);
        aka = b02 ^ (~b12 & b22);
        ake = b12 ^ (~b22 & b32);
        aki = b22 ^ (~b32 & b42);
        ako = b32 ^ (~b42 & b02);
        aku = b42 ^ (~b02 & b12);
        long b03 = Long.rotateLeft(ebu ^ du, 27);
        long b13 = Long.rotateLeft(ega ^ da, 36);
        long b23 = Long.rotateLeft(eke ^ de, 10);
        long b33 = Long.rotateLeft(emi ^ di, 15);
        long b43 = Long.rotateLeft(eso ^ d0, 56);
        ama = b03 ^ (~b13 & b23);
        ame = b13 ^ (~b23 & b33);
        ami = b23 ^ (~b33 & b43);
        amo = b33 ^ (~b43 & b03);
        amu = b43 ^ (~b03 & b13);
        long b04 = Long.rotateLeft(ebi ^ di, 62);
        long b14 = Long.rotateLeft(ego ^ d0, 55);
        long b24 = Long.rotateLeft(eku ^ du, 39);
        long b34 = Long.rotateLeft(ema ^ da, 41);
        long b44 = Long.rotateLeft(ese ^ de, 2);
        asa = b04 ^ (~b14 & b24);
        ase = b14 ^ (~b24 & b34);
        asi = b24 ^ (~b34 & b44);
        aso = b34 ^ (~b44 & b04);
        asu = b44 ^ (~b04 & b14);
        ca = aba ^ aga ^ aka ^ ama ^ asa;
        ce = abe ^ age ^ ake ^ ame ^ ase;
        ci = abi ^ agi ^ aki ^ ami ^ asi;
        co = abo ^ ago ^ ako ^ amo ^ aso;
        cu = abu ^ agu ^ aku ^ amu ^ asu;
      }
    }
    s[0] = aba; s[1] = abe; s[2] = abi; s[3] = abo; s[4] = abu;
    s[5] = aga; s[6] = age; s[7] = agi; s[8] = ago; s[9] = agu;
    s[10] = aka; s[11] = ake; s[12] = aki; s[13] = ako; s[14] = aku;
    s[15] = ama; s[16] = ame; s[17] = ami; s[18] = amo; s[19] = amu;
    s[20] = asa; s[21] = ase; s[22] = asi; s[23] = aso; s[24] = asu;
  }
}
