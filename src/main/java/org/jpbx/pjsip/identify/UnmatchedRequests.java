package org.jpbx.pjsip.identify;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.sip.message.SipRequest;

/**
 * The last requests that ended at the artificial endpoint, with every identifier's reason, for
 * {@code pjsip show unmatched}. Bounded: the oldest entry goes when it is full. Thread-safe.
 */
public final class UnmatchedRequests {
    public static final int DEFAULT_CAPACITY = 50;

    /** One request that matched no endpoint. */
    public record Entry(Instant time, String method, String from, String source, String callId, String transport,
                        List<String> reasons, List<String> unknownNames) {
        public Entry {
            reasons = List.copyOf(reasons);
            unknownNames = java.util.Collections.unmodifiableList(new ArrayList<>(unknownNames));
        }
    }

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Entry> entries;

    public UnmatchedRequests() { this(DEFAULT_CAPACITY, Clock.systemUTC()); }

    public UnmatchedRequests(int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new ArrayDeque<>(capacity);
    }

    /** Records a request bound to the artificial endpoint ({@code identification.isArtificial()}). */
    public void add(SipRequest request, InetSocketAddress source, String transportName, Identification identification) {
        Entry e = new Entry(clock.instant(), request.method(), SecurityLog.fromText(request), SecurityLog.address(source),
                request.callId() == null ? "" : request.callId(), transportName,
                identification.reasons(), identification.unknownNames());
        synchronized (entries) {
            if (entries.size() == capacity) entries.removeFirst();
            entries.addLast(e);
        }
    }

    /** The entries, oldest first. */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public int capacity() { return capacity; }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
