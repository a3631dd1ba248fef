package org.jpbx.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/**
 * rtp.conf {@code [general]} as Asterisk's RTP engine reads it: {@code rtpstart}/{@code rtpend}
 * (default 5000-31000; each clamped to 1024-65535; a start not below the end falls back to the
 * defaults), {@code strictrtp} (default yes: once a stream's source is known, packets from
 * elsewhere are dropped), {@code probation}, {@code dtmftimeout}, {@code rtcpinterval}. Every
 * adjustment Asterisk makes silently is reported here with file:line. A missing rtp.conf means the
 * defaults.
 *
 * <p>jpbx locks a stream's source on its first packet; {@code probation} (Asterisk's count of
 * sequential packets before it locks) is read and shown but not used.
 */
public record RtpSettings(PortRange ports, boolean strictRtp, int probation, int dtmfTimeout, int rtcpInterval) {
    public static final int DEFAULT_START = 5000;
    public static final int DEFAULT_END = 31000;
    static final int MIN_PORT = 1024;
    static final int MAX_PORT = 65535;

    public static final RtpSettings DEFAULTS = new RtpSettings(new PortRange(DEFAULT_START, DEFAULT_END, "rtp.conf defaults"), true, 4, 3000,
            5000);

    /** Options Asterisk's rtp.conf knows that jpbx has no use for (ICE, STUN, TURN, DTLS, checksums). */
    private static final Set<String> ACCEPTED = Set.of("rtpchecksums", "srtpreplayprotection", "icesupport", "stunaddr", "stun_blacklist",
            "stun_acl", "stun_deny", "stun_permit", "turnaddr", "turnusername", "turnpassword", "ice_blacklist", "ice_acl", "ice_deny",
            "ice_permit", "dtls_mtu", "learning_min_duration");

    /** Reads {@code rtp.conf} from {@code configDir}; problems go to {@code diag}. */
    public static RtpSettings load(Path configDir, Diagnostics diag) {
        return from(ConfParser.parse(configDir, "rtp.conf", diag), diag);
    }

    public static RtpSettings from(ConfFile file, Diagnostics diag) {
        if (!file.exists() || !file.valid()) return DEFAULTS;
        Section general = null;
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            String name = s.name().toLowerCase(Locale.ROOT);
            if (name.equals("general")) {
                if (general == null) general = s;
            } else if (!name.equals("ice_host_candidates")) {
                diag.warning(s.location(), "rtp.conf has no section [" + s.name() + "]; only [general] is read");
            }
        }
        if (general == null) return DEFAULTS;
        int start = DEFAULT_START;
        int end = DEFAULT_END;
        Entry startEntry = null;
        boolean strict = true;
        int probation = 4;
        int dtmfTimeout = 3000;
        int rtcpInterval = 5000;
        for (Entry e : general.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            String v = e.value().strip();
            switch (key) {
                case "rtpstart" -> {
                    start = port(e, diag);
                    startEntry = e;
                }
                case "rtpend" -> end = port(e, diag);
                case "strictrtp" -> {
                    String l = v.toLowerCase(Locale.ROOT);
                    // "seqno" is a stricter kind of yes in newer Asterisk; jpbx treats it as yes.
                    strict = l.equals("seqno") || isTrue(l);
                    if (!strict && !isFalse(l)) diag.warning(e.location(), "strictrtp '" + v + "' is not yes, no or seqno; it counts as no, as in Asterisk");
                }
                case "probation" -> probation = number(e, diag, 4, 0, Integer.MAX_VALUE);
                case "dtmftimeout" -> {
                    dtmfTimeout = number(e, diag, 3000, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    if (dtmfTimeout < 0 || dtmfTimeout > 64000) {
                        diag.warning(e.location(), "dtmftimeout " + dtmfTimeout + " is outside 0-64000 samples; the default 3000 is used");
                        dtmfTimeout = 3000;
                    }
                }
                case "rtcpinterval" -> {
                    rtcpInterval = number(e, diag, 5000, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    if (rtcpInterval != 0 && (rtcpInterval < 500 || rtcpInterval > 60000)) {
                        int c = Math.clamp(rtcpInterval, 500, 60000);
                        diag.warning(e.location(), "rtcpinterval " + rtcpInterval + " ms is outside 500-60000; " + c + " is used");
                        rtcpInterval = c;
                    }
                }
                default -> {
                    if (!ACCEPTED.contains(key)) diag.warning(e.location(), "unknown rtp.conf option '" + e.key() + "'; ignored");
                }
            }
        }
        if (start >= end) {
            diag.warning(startEntry != null ? startEntry.location() : general.location(), "rtpstart " + start + " is not below rtpend " + end
                    + " (Asterisk: \"Unreasonable values for RTP start/end port\"); the defaults " + DEFAULT_START + "-" + DEFAULT_END + " are used");
            start = DEFAULT_START;
            end = DEFAULT_END;
        }
        return new RtpSettings(new PortRange(start, end, "rtp.conf rtpstart/rtpend"), strict, probation, dtmfTimeout, rtcpInterval);
    }

    /** A port as Asterisk reads it: C's atoi, then clamped to 1024-65535; every adjustment is reported. */
    private static int port(Entry e, Diagnostics diag) {
        String v = e.value().strip();
        long n = atoi(v);
        if (!v.matches("[+-]?[0-9]+")) {
            diag.warning(e.location(), e.key() + " '" + v + "' is not a number; it reads as " + n + ", as in Asterisk");
        }
        if (n < MIN_PORT) {
            diag.warning(e.location(), e.key() + " " + n + " is below " + MIN_PORT + "; " + MIN_PORT + " is used");
            return MIN_PORT;
        }
        if (n > MAX_PORT) {
            diag.warning(e.location(), e.key() + " " + n + " is above " + MAX_PORT + "; " + MAX_PORT + " is used");
            return MAX_PORT;
        }
        return (int) n;
    }

    private static int number(Entry e, Diagnostics diag, int dflt, int min, int max) {
        String v = e.value().strip();
        if (!v.matches("[+-]?[0-9]{1,9}")) {
            diag.warning(e.location(), e.key() + " '" + v + "' is not a number; the default " + dflt + " is used");
            return dflt;
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            diag.warning(e.location(), e.key() + " " + n + " is out of range; the default " + dflt + " is used");
            return dflt;
        }
        return n;
    }

    /** C's atoi: optional sign, leading digits, anything after them ignored; 0 when there are none. */
    static long atoi(String s) {
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long n = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && n < 1_000_000_000L) n = n * 10 + (s.charAt(i++) - '0');
        return neg ? -n : n;
    }

    private static boolean isTrue(String v) { return List.of("yes", "true", "y", "t", "1", "on").contains(v); }

    private static boolean isFalse(String v) { return List.of("no", "false", "n", "f", "0", "off").contains(v); }
}
