package org.jpbx.media;

/**
 * ITU-T G.711 µ-law and A-law, as tables. Decoding gives 16-bit linear samples (the 14-bit µ-law
 * and 13-bit A-law values scaled up); encoding takes 16-bit samples, treating a negative sample's
 * magnitude as its one's complement as the ITU's reference tools do. The law-to-law tables go
 * through the linear value (decode with one law, encode with the other), which is also how
 * Asterisk converts between the two laws; the G.711 digital milliwatt converts exactly.
 */
public final class G711 {
    private G711() {}

    /** The code for linear 0: µ-law 0xFF, A-law 0xD5; what silence is padded with. */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            ULAW_TO_LINEAR[c] = (short) decodeUlaw(c);
            ALAW_TO_LINEAR[c] = (short) decodeAlaw(c);
        }
        for (int c = 0; c < 256; c++) {
            ULAW_TO_ALAW[c] = linearToAlaw(ULAW_TO_LINEAR[c]);
            ALAW_TO_ULAW[c] = linearToUlaw(ALAW_TO_LINEAR[c]);
        }
    }

    /** µ-law: the code is inverted; sign bit set = negative; 3-bit segment, 4-bit step. */
    private static int decodeUlaw(int code) {
        int u = ~code & 0xFF;
        int segment = (u >> 4) & 7;
        int step = u & 0x0F;
        int magnitude = ((2 * step + 33) << segment) - 33; // of the 14-bit signed value: 13 bits
        int linear = magnitude << 2;
        return (u & 0x80) != 0 ? -linear : linear;
    }

    /** A-law: even bits inverted (xor 0x55); sign bit set = positive; segment 0 and 1 share one step size. */
    private static int decodeAlaw(int code) {
        int a = code ^ 0x55;
        int segment = (a >> 4) & 7;
        int step = a & 0x0F;
        int magnitude = segment == 0 ? 2 * step + 1 : (2 * step + 33) << (segment - 1); // of the 13-bit signed value: 12 bits
        int linear = magnitude << 3;
        return (a & 0x80) != 0 ? linear : -linear;
    }

    /** The µ-law code of a 16-bit sample. */
    public static byte linearToUlaw(int sample) {
        int s = clamp(sample);
        int sign = s < 0 ? 0x80 : 0;
        int magnitude = (s < 0 ? ~s : s) >> 2; // 13-bit magnitude
        if (magnitude > 8158) magnitude = 8158; // the top of segment 7
        int biased = magnitude + 33; // 33..8191: segment e covers [32 << e, 64 << e)
        int segment = 31 - Integer.numberOfLeadingZeros(biased) - 5;
        int step = (biased >> (segment + 1)) & 0x0F;
        return (byte) ~(sign | (segment << 4) | step);
    }

    /** The A-law code of a 16-bit sample. */
    public static byte linearToAlaw(int sample) {
        int s = clamp(sample);
        int sign = s >= 0 ? 0x80 : 0;
        int magnitude = (s < 0 ? ~s : s) >> 3; // 12-bit magnitude
        int segment;
        int step;
        if (magnitude < 32) {
            segment = 0;
            step = magnitude >> 1;
        } else {
            segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 4; // [16 << s, 32 << s) is segment s
            step = (magnitude >> segment) & 0x0F;
        }
        return (byte) ((sign | (segment << 4) | step) ^ 0x55);
    }

    private static int clamp(int s) {
        return s > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(s, Short.MIN_VALUE);
    }

    public static int ulawToLinear(byte code) { return ULAW_TO_LINEAR[code & 0xFF]; }

    public static int alawToLinear(byte code) { return ALAW_TO_LINEAR[code & 0xFF]; }

    public static byte ulawToAlaw(byte code) { return ULAW_TO_ALAW[code & 0xFF]; }

    public static byte alawToUlaw(byte code) { return ALAW_TO_ULAW[code & 0xFF]; }

    /** The 256-entry µ-law to A-law table (a copy). */
    public static byte[] ulawToAlawTable() { return ULAW_TO_ALAW.clone(); }

    /** The 256-entry A-law to µ-law table (a copy). */
    public static byte[] alawToUlawTable() { return ALAW_TO_ULAW.clone(); }

    /** Converts {@code length} bytes of {@code data} from {@code offset} in place, with {@code table}. */
    static void convert(byte[] data, int offset, int length, byte[] table) {
        for (int i = offset, end = offset + length; i < end; i++) data[i] = table[data[i] & 0xFF];
    }

    static byte[] table(Law from) { return from == Law.ULAW ? ULAW_TO_ALAW : ALAW_TO_ULAW; }
}
