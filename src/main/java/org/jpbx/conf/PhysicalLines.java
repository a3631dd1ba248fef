package org.jpbx.conf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file's bytes into numbered physical lines. Asterisk reads with a fixed 8 KiB line
 * buffer, so a line that does not fit (with its newline) is skipped whole; the line count still
 * advances by one so later line numbers stay true.
 */
final class PhysicalLines {
    /** A line whose bytes plus its newline exceed this is skipped. */
    static final int MAX_LINE_BYTES = 8191;

    /** One physical line. {@code text} is null when the line was too long. */
    record Line(int number, String text, int byteLength) {
        boolean tooLong() { return text == null; }
    }

    private PhysicalLines() {}

    static List<Line> split(byte[] data) {
        List<Line> lines = new ArrayList<>();
        int start = 0, number = 0;
        // A UTF-8 byte-order mark is an editor artefact, not part of the first line.
        if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) start = 3;
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != '\n') end++;
            number++;
            int len = end - start;
            if (len + 1 > MAX_LINE_BYTES) {
                lines.add(new Line(number, null, len));
            } else {
                lines.add(new Line(number, decode(data, start, cutAtNul(data, start, end)), len));
            }
            start = end + 1;
        }
        return lines;
    }

    /** C string functions stop at a NUL byte, so nothing after one is seen by Asterisk. */
    private static int cutAtNul(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) if (data[i] == 0) return i;
        return end;
    }

    /** Files are UTF-8 as a rule; a line that is not valid UTF-8 is read as Latin-1 rather than mangled. */
    private static String decode(byte[] data, int start, int end) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }
}
