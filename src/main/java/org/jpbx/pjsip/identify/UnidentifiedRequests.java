package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Global;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.SipRequest;

/**
 * The unidentified-request throttle (§1.9). It exists only while the text of
 * {@code endpoint_identifier_order} contains {@code auth_username} (read from the current
 * configuration on every call, as Asterisk re-reads it on every global load); otherwise every
 * unmatched request is reported at once.
 *
 * <p>With it, records are kept per source IP (no port): the first unmatched request only creates
 * {count 1, first seen}; each further one counts, and is reported when it comes less than
 * {@code unidentified_request_period} after the first and the count has reached
 * {@code unidentified_request_count}. The first-seen time is never reset. A record goes when a
 * request from the IP is identified or authenticates, and when it is older than four periods at a
 * prune, which runs every {@code unidentified_request_prune_interval} (on the next call after the
 * interval, or from {@link #prune()}). ACKs must not be passed in.
 */
public final class UnidentifiedRequests {
    /** One source's record, for {@code pjsip show unidentified_requests}. */
    public record Row(String ip, int count, Instant firstSeen, Duration age) {}

    /**
     * What to do about one unmatched request: nothing, or report it; {@code count} is 0 for an
     * unthrottled report and the count reached otherwise, {@code elapsed} the time since first seen.
     */
    public record Decision(boolean report, int count, Duration elapsed) {
        static final Decision SILENT = new Decision(false, 0, Duration.ZERO);
        static final Decision AT_ONCE = new Decision(true, 0, Duration.ZERO);

        /** Logs the NOTICE and raises {@code InvalidAccountID} when this decision says to. */
        public void log(SecurityLog log, SipRequest request, InetSocketAddress source) {
            if (!report) return;
            if (count == 0) log.noMatchingEndpoint(request, source);
            else log.noMatchingEndpoint(request, source, count, elapsed);
        }
    }

    private static final class Record {
        final Instant firstSeen;
        int count;

        Record(Instant firstSeen) {
            this.firstSeen = firstSeen;
            this.count = 1;
        }
    }

    private final Supplier<PjsipConfig> config;
    private final Clock clock;
    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private volatile Instant lastPrune;

    public UnidentifiedRequests(Supplier<PjsipConfig> config) { this(config, Clock.systemUTC()); }

    public UnidentifiedRequests(Supplier<PjsipConfig> config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.lastPrune = clock.instant();
    }

    /** Whether the throttle is on: {@code auth_username} appears in {@code endpoint_identifier_order}. */
    public boolean enabled() {
        return IdentifierOrder.raw(config.get()).contains("auth_username");
    }

    /** Counts an unmatched (non-ACK) request from {@code source} and says whether to report it. */
    public Decision unmatched(InetSocketAddress source) {
        if (!enabled()) return Decision.AT_ONCE;
        Global g = config.get().global();
        Instant now = clock.instant();
        maybePrune(now, g);
        String ip = key(source.getAddress());
        Record r = records.compute(ip, (k, old) -> {
            if (old == null) return new Record(now);
            synchronized (old) { old.count++; }
            return old;
        });
        int count;
        synchronized (r) { count = r.count; }
        if (count == 1) return Decision.SILENT;
        Duration elapsed = Duration.between(r.firstSeen, now);
        long limit = g.object().getLong("unidentified_request_count");
        Duration period = g.object().getDuration("unidentified_request_period");
        if (elapsed.compareTo(period) < 0 && count >= limit) return new Decision(true, count, elapsed);
        return Decision.SILENT;
    }

    /** A request from {@code source} was identified or authenticated: its record goes. */
    public void identified(InetSocketAddress source) { records.remove(key(source.getAddress())); }

    /** Removes the records older than four periods; returns how many. */
    public int prune() {
        Instant now = clock.instant();
        lastPrune = now;
        Duration maxAge = config.get().global().object().getDuration("unidentified_request_period").multipliedBy(4);
        int before = records.size();
        records.entrySet().removeIf(e -> Duration.between(e.getValue().firstSeen, now).compareTo(maxAge) > 0);
        return before - records.size();
    }

    private void maybePrune(Instant now, Global g) {
        Duration interval = g.object().getDuration("unidentified_request_prune_interval");
        if (!interval.isZero() && Duration.between(lastPrune, now).compareTo(interval) >= 0) prune();
    }

    /** The records sorted by IP, with their age now. */
    public List<Row> rows() {
        Instant now = clock.instant();
        return records.entrySet().stream()
                .map(e -> {
                    int count;
                    synchronized (e.getValue()) { count = e.getValue().count; }
                    return new Row(e.getKey(), count, e.getValue().firstSeen, Duration.between(e.getValue().firstSeen, now));
                })
                .sorted(Comparator.comparing(Row::ip))
                .toList();
    }

    private static String key(InetAddress a) { return IpLiterals.format(a); }
}
