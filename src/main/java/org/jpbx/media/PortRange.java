package org.jpbx.media;

/**
 * An inclusive UDP port range for RTP (even port) / RTCP (the odd port above) pairs, and where it
 * was configured ({@code rtp.conf}, or an endpoint's {@code rtp_port_start}/{@code rtp_port_end}),
 * for messages. Pairs lie wholly inside the range: the first starts at the first even port, the
 * last ends at or below {@code end}.
 */
public record PortRange(int start, int end, String source) {
    public PortRange {
        if (start < 1 || end > 65535 || start > end) throw new IllegalArgumentException("bad port range " + start + "-" + end);
    }

    public int firstPair() { return (start + 1) & ~1; }

    public int lastPair() { return (end - 1) & ~1; }

    /** How many RTP/RTCP pairs fit. */
    public int pairs() {
        int first = firstPair();
        int last = lastPair();
        return last < first ? 0 : (last - first) / 2 + 1;
    }

    @Override
    public String toString() { return start + "-" + end + " (" + source + ")"; }
}
