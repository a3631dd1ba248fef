package org.jpbx.manage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The text a command prints, framed as "| " data lines on a control connection. Complete lines go
 * out when the command flushes (or the buffer fills), so long-running commands stream. If the
 * client has gone away, output is dropped silently: the command finishes and the connection ends.
 */
final class ResponseWriter extends Writer {
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder();
    private boolean broken;

    ResponseWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 8192);
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                emitLine();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    /** Sends a whole line, as for completion candidates. */
    synchronized void line(String text) {
        line.append(text);
        emitLine();
    }

    @Override
    public synchronized void flush() {
        if (broken) return;
        try {
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Ends the response: any unterminated text becomes a last line, then the status line. */
    synchronized void end(int status) {
        if (!line.isEmpty()) emitLine();
        send(ControlProtocol.END + status + "\n");
        flush();
    }

    /** True once a write failed: the client is gone. */
    synchronized boolean broken() { return broken; }

    /** The connection stays open after a response; close belongs to the connection, not to one response. */
    @Override
    public void close() { flush(); }

    private void emitLine() {
        send(ControlProtocol.DATA + line + "\n");
        line.setLength(0);
    }

    private void send(String s) {
        if (broken) return;
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            broken = true;
        }
    }
}
