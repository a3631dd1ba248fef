package org.jpbx.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches for the parser's hot loops: eight bytes at a time (SWAR) where lines are long. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private Bytes() {}

    /**
     * True when {@code a} equals bytes [from, from + a.length) of {@code b}, which must lie inside
     * {@code b}: eight bytes at a time for long names (the last word overlapping), a plain loop
     * for short ones (it beats the intrinsic there).
     */
    static boolean equalsAt(byte[] a, byte[] b, int from) {
        int n = a.length;
        if (n >= 8) {
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                if ((long) LONGS.get(a, i) != (long) LONGS.get(b, from + i)) return false;
            }
            return i == n || (long) LONGS.get(a, n - 8) == (long) LONGS.get(b, from + n - 8);
        }
        for (int i = 0; i < n; i++) if (a[i] != b[from + i]) return false;
        return true;
    }

    private static final long SIP20_SLASH = (long) LONGS.get("SIP/2.0/".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0);

    /** True when bytes [from, from + 8) are exactly "SIP/2.0/" and more bytes follow before {@code to}. */
    static boolean isSip20Slash(byte[] b, int from, int to) {
        return to - from > 8 && (long) LONGS.get(b, from) == SIP20_SLASH;
    }

    private static final long QUOTE = 0x2222222222222222L;
    private static final long BACKSLASH = 0x5C5C5C5C5C5C5C5CL;

    /** Index of the first '"' or '\\' in [from, to), or -1. */
    static int indexOfQuoteOrBackslash(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            long q = w ^ QUOTE, s = w ^ BACKSLASH;
            long found = ((q - LOW) & ~q | (s - LOW) & ~s) & HIGH;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
            i += 8;
        }
        for (; i < to; i++) if (b[i] == '"' || b[i] == '\\') return i;
        return -1;
    }

    /** Index of the first byte {@code c} in [from, to), or -1; eight bytes at a time. */
    static int indexOf(byte[] b, byte c, int from, int to) {
        long pattern = (c & 0xffL) * LOW;
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long found = (x - LOW) & ~x & HIGH;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
            i += 8;
        }
        for (; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    /** Index of the first '\n' in [from, to), or -1. */
    static int indexOfLf(byte[] b, int from, int to) {
        int i = from;
        while (i + 16 <= to) {
            long x = (long) LONGS.get(b, i) ^ LF;
            long y = (long) LONGS.get(b, i + 8) ^ LF;
            long fx = (x - LOW) & ~x & HIGH;
            long fy = (y - LOW) & ~y & HIGH;
            if ((fx | fy) != 0) {
                return fx != 0 ? i + (Long.numberOfTrailingZeros(fx) >>> 3) : i + 8 + (Long.numberOfTrailingZeros(fy) >>> 3);
            }
            i += 16;
        }
        while (i + 8 <= to) {
            long x = (long) LONGS.get(b, i) ^ LF;
            long found = (x - LOW) & ~x & HIGH; // a zero byte in x is an LF in the input
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
            i += 8;
        }
        for (; i < to; i++) if (b[i] == '\n') return i;
        return -1;
    }
}
