package org.jpbx.media;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out RTP/RTCP port pairs (even RTP port, RTCP on the odd one above) from port ranges: the
 * rtp.conf range, or an endpoint's own. One record of ports in use covers all ranges, so
 * overlapping ranges never hand out the same pair twice.
 *
 * <p>Each range has a cursor that starts at a random pair and moves on after every allocation, as
 * Asterisk's random start does: a port just released is the last to be reused, so late packets of
 * an ended call do not reach the next one.
 */
public final class PortAllocator {
    private volatile PortRange defaultRange;
    /** Bit p/2 set: pair (p, p+1) is in use. */
    private final BitSet inUse = new BitSet(32768);
    private final Map<PortRange, Integer> cursors = new HashMap<>();
    private int used;

    public PortAllocator(PortRange defaultRange) {
        this.defaultRange = defaultRange;
    }

    public PortRange defaultRange() { return defaultRange; }

    /** rtp.conf reloaded: new allocations use {@code range}; pairs in use stay taken. */
    public void setDefaultRange(PortRange range) { this.defaultRange = range; }

    /** The RTP (even) port of a free pair in {@code range} (null = the default range), now marked in use. */
    public synchronized int acquire(PortRange range) throws PortsExhaustedException {
        PortRange r = range == null ? defaultRange : range;
        int pairs = r.pairs();
        if (pairs == 0) throw new PortsExhaustedException("RTP port range " + r + " holds no even/odd port pair");
        int first = r.firstPair() >> 1;
        int last = first + pairs - 1;
        int cursor = cursors.computeIfAbsent(r, k -> first + ThreadLocalRandom.current().nextInt(pairs));
        int found = inUse.nextClearBit(cursor);
        if (found > last) {
            found = inUse.nextClearBit(first);
            // Everything from the cursor to the end was taken; so is everything before it if the wrap finds nothing earlier.
            if (found >= cursor) throw new PortsExhaustedException("no free RTP port pair in " + r + ": all " + pairs + " pairs are in use");
        }
        inUse.set(found);
        used++;
        cursors.put(r, found + 1 > last ? first : found + 1);
        return found << 1;
    }

    /** Returns the pair of {@code rtpPort} (once its sockets are closed). */
    public synchronized void release(int rtpPort) {
        int i = rtpPort >> 1;
        if (inUse.get(i)) {
            inUse.clear(i);
            used--;
        }
    }

    /** Pairs in use across all ranges. */
    public synchronized int pairsInUse() { return used; }

    public synchronized boolean isInUse(int rtpPort) { return inUse.get(rtpPort >> 1); }
}
