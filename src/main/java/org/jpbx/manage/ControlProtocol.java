package org.jpbx.manage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The control socket's line protocol, shared by {@link ControlServer} and {@link ControlClient}.
 * Lines are UTF-8 and end with LF. A connection carries any number of requests, one after another.
 *
 * <pre>
 * request  = "RUN " command-line          run one CLI command
 *          | "COMPLETE " text-before-cursor  completion candidates for the last word
 *          | "PING"                       is a server answering?
 * response = *( "| " text )  "END " status
 * status   = 0 ok | 1 command failed | 2 no such command | 3 malformed request
 * </pre>
 *
 * Every output line carries the "| " prefix, so no output can be mistaken for the END line.
 */
final class ControlProtocol {
    static final String RUN = "RUN";
    static final String COMPLETE = "COMPLETE";
    static final String PING = "PING";
    static final String DATA = "| ";
    static final String END = "END ";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int NO_SUCH_COMMAND = 2;
    static final int BAD_REQUEST = 3;

    /** Longer lines are refused: a request is one typed command, and a peer must not make the server buffer without bound. */
    static final int MAX_LINE = 64 * 1024;

    private ControlProtocol() {}

    /** One line without its LF (and CR), or null at end of stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') return text(buf);
            if (buf.size() >= MAX_LINE) throw new IOException("control line longer than " + MAX_LINE + " bytes");
            buf.write(b);
        }
        return buf.size() == 0 ? null : text(buf);
    }

    /** A request line for {@code verb} with {@code argument} made single-line. */
    static byte[] request(String verb, String argument) {
        String line = argument == null ? verb : verb + " " + argument.replace('\r', ' ').replace('\n', ' ');
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buf) {
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
