package org.jpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * G.711 checked against a reference written differently: segment by segment from the decision
 * levels of the G.711 tables (segment start and step size), not from the bit arithmetic of
 * {@link G711}, plus the standard's digital milliwatt sequences.
 */
class G711Test {
    /** µ-law, 14-bit magnitudes: where each segment starts (G.711 table 2a) and its step. */
    static final int[] U_START = {0, 31, 95, 223, 479, 991, 2015, 4063};
    static final int[] U_STEP = {2, 4, 8, 16, 32, 64, 128, 256};
    /** A-law, 12-bit magnitudes (table 1a). */
    static final int[] A_START = {0, 32, 64, 128, 256, 512, 1024, 2048};
    static final int[] A_STEP = {2, 2, 4, 8, 16, 32, 64, 128};

    /** µ-law code of a 14-bit magnitude and sign. */
    static int refUlawEncode14(int magnitude, boolean negative) {
        int seg = 7;
        while (seg > 0 && magnitude < U_START[seg]) seg--;
        int index = seg == 0 ? (magnitude + 1) / 2 : (magnitude - U_START[seg]) / U_STEP[seg];
        if (index > 15) index = 15;
        int code = (negative ? 0x80 : 0) | (seg << 4) | index;
        return ~code & 0xFF;
    }

    /** The 14-bit value a µ-law code stands for: the middle of its interval (0 for the first). */
    static int refUlawDecode14(int code) {
        int c = ~code & 0xFF;
        int seg = (c >> 4) & 7, index = c & 15;
        int value;
        if (seg == 0) value = index == 0 ? 0 : 2 * index;
        else value = U_START[seg] + index * U_STEP[seg] + U_STEP[seg] / 2;
        return (c & 0x80) != 0 ? -value : value;
    }

    static int refAlawEncode12(int magnitude, boolean negative) {
        int seg = 7;
        while (seg > 0 && magnitude < A_START[seg]) seg--;
        int index = (magnitude - A_START[seg]) / A_STEP[seg];
        int code = (negative ? 0 : 0x80) | (seg << 4) | index;
        return code ^ 0x55;
    }

    static int refAlawDecode12x2(int code) {
        int c = code ^ 0x55;
        int seg = (c >> 4) & 7, index = c & 15;
        int twice = 2 * (A_START[seg] + index * A_STEP[seg]) + A_STEP[seg]; // twice the interval middle, to stay integral
        return (c & 0x80) != 0 ? twice : -twice;
    }

    /** 16-bit sample to µ-law: a negative sample's magnitude is its one's complement (as in ITU-T G.191). */
    static int refUlaw(int sample) {
        boolean neg = sample < 0;
        int mag = (neg ? ~sample : sample) >> 2;
        return refUlawEncode14(Math.min(mag, 8158), neg);
    }

    static int refAlaw(int sample) {
        boolean neg = sample < 0;
        return refAlawEncode12((neg ? ~sample : sample) >> 3, neg);
    }

    @Test
    void decodingMatchesTheReferenceForEveryCode() {
        for (int c = 0; c < 256; c++) {
            assertThat(G711.ulawToLinear((byte) c)).as("µ-law %02x", c).isEqualTo(4 * refUlawDecode14(c));
            assertThat(G711.alawToLinear((byte) c)).as("A-law %02x", c).isEqualTo(4 * refAlawDecode12x2(c));
        }
    }

    @Test
    void encodingMatchesTheReferenceForEverySixteenBitSample() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            assertThat(G711.linearToUlaw(s) & 0xFF).as("µ-law of %d", s).isEqualTo(refUlaw(s));
            assertThat(G711.linearToAlaw(s) & 0xFF).as("A-law of %d", s).isEqualTo(refAlaw(s));
        }
    }

    @Test
    void lawToLawTablesMatchTheReferenceThroughLinear() {
        for (int c = 0; c < 256; c++) {
            int linearU = 4 * refUlawDecode14(c);
            assertThat(G711.ulawToAlaw((byte) c) & 0xFF).as("µ %02x -> A", c).isEqualTo(refAlaw(linearU));
            int linearA = 4 * refAlawDecode12x2(c);
            assertThat(G711.alawToUlaw((byte) c) & 0xFF).as("A %02x -> µ", c).isEqualTo(refUlaw(linearA));
        }
    }

    @Test
    void knownCodes() {
        assertThat(G711.linearToUlaw(0) & 0xFF).isEqualTo(0xFF);
        assertThat(G711.linearToAlaw(0) & 0xFF).isEqualTo(0xD5);
        assertThat(G711.linearToUlaw(32767) & 0xFF).as("largest positive").isEqualTo(0x80);
        assertThat(G711.linearToUlaw(-32768) & 0xFF).as("largest negative").isEqualTo(0x00);
        assertThat(G711.linearToAlaw(32767) & 0xFF).isEqualTo(0xAA);
        assertThat(G711.linearToAlaw(-32768) & 0xFF).isEqualTo(0x2A);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo(32124);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo(32256);
    }

    /** G.711's digital milliwatt (1 kHz at 0 dBm0), µ-law and A-law: each converts into the other exactly. */
    static final int[] ULAW_MILLIWATT = {0x1E, 0x0B, 0x0B, 0x1E, 0x9E, 0x8B, 0x8B, 0x9E};
    static final int[] ALAW_MILLIWATT = {0x34, 0x21, 0x21, 0x34, 0xB4, 0xA1, 0xA1, 0xB4};

    @Test
    void digitalMilliwattConvertsBetweenTheLaws() {
        for (int i = 0; i < 8; i++) {
            assertThat(G711.ulawToAlaw((byte) ULAW_MILLIWATT[i]) & 0xFF).isEqualTo(ALAW_MILLIWATT[i]);
            assertThat(G711.alawToUlaw((byte) ALAW_MILLIWATT[i]) & 0xFF).isEqualTo(ULAW_MILLIWATT[i]);
        }
    }

    /** A 1 kHz sine sampled at 8 kHz: the codes are the reference's, and decoding stays within half a step. */
    @Test
    void sineTable() {
        for (int amplitude : new int[] {100, 1000, 8000, 22000, 32000}) {
            for (int n = 0; n < 8; n++) {
                int x = (int) Math.round(amplitude * Math.sin(2 * Math.PI * n / 8));
                byte u = G711.linearToUlaw(x);
                byte a = G711.linearToAlaw(x);
                assertThat(u & 0xFF).isEqualTo(refUlaw(x));
                assertThat(a & 0xFF).isEqualTo(refAlaw(x));
                assertThat(Math.abs(G711.ulawToLinear(u) - x)).as("µ-law error at %d", x).isLessThanOrEqualTo(halfStepU(x) + 4);
                assertThat(Math.abs(G711.alawToLinear(a) - x)).as("A-law error at %d", x).isLessThanOrEqualTo(halfStepA(x) + 8);
            }
        }
    }

    static int halfStepU(int x) {
        int m = Math.abs(x) >> 2;
        int seg = 7;
        while (seg > 0 && m < U_START[seg]) seg--;
        return 2 * U_STEP[seg]; // half a step in 16-bit units (step * 4 / 2)
    }

    static int halfStepA(int x) {
        int m = Math.abs(x) >> 3;
        int seg = 7;
        while (seg > 0 && m < A_START[seg]) seg--;
        return 4 * A_STEP[seg];
    }

    @Test
    void lawConversionOfBuffers() {
        byte[] u = new byte[8];
        for (int i = 0; i < 8; i++) u[i] = (byte) ULAW_MILLIWATT[i];
        byte[] a = Law.ULAW.convert(u, Law.ALAW);
        for (int i = 0; i < 8; i++) assertThat(a[i] & 0xFF).isEqualTo(ALAW_MILLIWATT[i]);
        assertThat(Law.ALAW.convert(a, Law.ULAW)).isEqualTo(u);
        assertThat(Law.ULAW.convert(u, Law.ULAW)).isEqualTo(u).isNotSameAs(u);
    }
}
