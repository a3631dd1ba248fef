package org.jpbx.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 8866 session descriptions. Strict where a mistake would change what the media does
 * (version, o=, s=, t=, c=, m= and the rtpmap, fmtp, ptime and rtcp attributes of media sections are
 * checked), lenient where phones are known to differ harmlessly: LF or CRLF line ends, blank lines,
 * the session-level lines in any order after {@code v=}, several spaces between fields, an empty
 * {@code s=}. A line type RFC 8866 does not define rejects the whole description, as §5 asks.
 *
 * <p>Never throws: every problem comes back as {@link ParsedSdp.Invalid} with the line number.
 */
public final class SdpParser {
    /** More media sections than this is no call we serve; refusing keeps answer building bounded. */
    public static final int MAX_MEDIA = 32;
    /** Lines per description, including blank ones. */
    public static final int MAX_LINES = 2000;

    private SdpParser() {}

    public static ParsedSdp parse(byte[] bytes) { return parse(bytes, 0, bytes.length); }

    public static ParsedSdp parse(byte[] bytes, int offset, int length) {
        return parse(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    public static ParsedSdp parse(String text) {
        try {
            return new ParsedSdp.Valid(new Reader(text).read());
        } catch (Malformed m) {
            return new ParsedSdp.Invalid(m.line, m.getMessage());
        } catch (RuntimeException e) {
            // A gap in the checks above must still not escape to a caller on an event loop.
            return new ParsedSdp.Invalid(0, "unreadable description (" + e + ")");
        }
    }

    /** A problem at one line; no stack trace, since bad input is expected. */
    private static final class Malformed extends RuntimeException {
        final int line;

        Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** One parse. Fields hold the description as it is collected. */
    private static final class Reader {
        private final String text;
        private int lineNo;

        private Origin origin;
        private String sessionName;
        private String info;
        private String uri;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private List<String> repeats;
        private String timeZones;
        private String key;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private final List<Integer> mediaLines = new ArrayList<>();
        private MediaBuilder current;

        Reader(String text) { this.text = text; }

        SessionDescription read() {
            boolean sawVersion = false;
            int pos = 0;
            int n = text.length();
            while (pos < n) {
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? n : nl;
                String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
                pos = nl < 0 ? n : nl + 1;
                lineNo++;
                if (lineNo > MAX_LINES) throw new Malformed(lineNo, "more than " + MAX_LINES + " lines");
                if (line.isBlank()) continue;
                if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                    throw new Malformed(lineNo, "'" + shorten(line) + "' is not <type>=<value>");
                }
                char type = line.charAt(0);
                String value = line.substring(2);
                if (!sawVersion) {
                    if (type != 'v') throw new Malformed(lineNo, "the description must begin with v=0, not '" + shorten(line) + "'");
                    if (!value.equals("0")) throw new Malformed(lineNo, "version '" + shorten(value) + "' is not 0");
                    sawVersion = true;
                    continue;
                }
                if (current != null) mediaLine(type, value, line);
                else sessionLine(type, value, line);
            }
            if (!sawVersion) throw new Malformed(0, "empty description (no v=0 line)");
            finishMedia();
            if (origin == null) throw new Malformed(0, "no o= line");
            if (sessionName == null) throw new Malformed(0, "no s= line");
            if (timings.isEmpty()) throw new Malformed(0, "no t= line");
            for (int i = 0; i < media.size(); i++) {
                MediaDescription m = media.get(i);
                if (m.connection() == null && connection == null && !m.isDisabled()) {
                    throw new Malformed(mediaLines.get(i), "media section " + (i + 1) + " (m=" + m.media()
                            + ") has no c= line, and there is no session-level c= line");
                }
            }
            return new SessionDescription(0, origin, sessionName, info, uri, emails, phones, connection, bandwidths, timings,
                    timeZones, key, attributes, media);
        }

        private void sessionLine(char type, String value, String line) {
            if (type != 'r') repeats = null;
            switch (type) {
                case 'v' -> throw new Malformed(lineNo, "a second v= line");
                case 'o' -> origin = once(origin, parseOrigin(value), "o=");
                case 's' -> sessionName = once(sessionName, value, "s=");
                case 'i' -> info = once(info, value, "session-level i=");
                case 'u' -> uri = once(uri, value, "u=");
                case 'e' -> emails.add(value);
                case 'p' -> phones.add(value);
                case 'c' -> connection = once(connection, parseConnection(value), "session-level c=");
                case 'b' -> bandwidths.add(parseBandwidth(value));
                case 't' -> {
                    String[] f = fields(value);
                    if (f.length != 2) throw new Malformed(lineNo, "t= needs '<start> <stop>', not '" + shorten(value) + "'");
                    digits(f[0], "t= start time");
                    digits(f[1], "t= stop time");
                    repeats = new ArrayList<>();
                    timings.add(new Timing(f[0], f[1], List.of()));
                }
                case 'r' -> {
                    if (repeats == null) throw new Malformed(lineNo, "r= must follow a t= line");
                    repeats.add(value);
                    Timing last = timings.removeLast();
                    timings.add(new Timing(last.start(), last.stop(), repeats));
                }
                case 'z' -> timeZones = once(timeZones, value, "z=");
                case 'k' -> key = once(key, value, "session-level k=");
                case 'a' -> attributes.add(parseAttribute(value, false));
                case 'm' -> startMedia(value);
                default -> throw new Malformed(lineNo, "unknown line type '" + type + "=' (RFC 8866 §5 asks to reject the description)");
            }
        }

        private void mediaLine(char type, String value, String line) {
            switch (type) {
                case 'i' -> current.info = once(current.info, value, "media-level i=");
                case 'c' -> current.connection = once(current.connection, parseConnection(value), "media-level c=");
                case 'b' -> current.bandwidths.add(parseBandwidth(value));
                case 'k' -> current.key = once(current.key, value, "media-level k=");
                case 'a' -> current.attributes.add(parseAttribute(value, current.rtp));
                case 'm' -> startMedia(value);
                case 'v', 'o', 's', 'u', 'e', 'p', 't', 'r', 'z' ->
                        throw new Malformed(lineNo, "'" + type + "=' belongs before the first m= line");
                default -> throw new Malformed(lineNo, "unknown line type '" + type + "=' (RFC 8866 §5 asks to reject the description)");
            }
        }

        private <T> T once(T existing, T value, String what) {
            if (existing != null) throw new Malformed(lineNo, "more than one " + what + " line");
            return value;
        }

        private Origin parseOrigin(String value) {
            String[] f = fields(value);
            if (f.length != 6) {
                throw new Malformed(lineNo, "o= needs 6 fields (<username> <sess-id> <sess-version> <nettype> <addrtype> <address>), not '"
                        + shorten(value) + "'");
            }
            if (!SdpNumbers.isDigits(f[1])) throw new Malformed(lineNo, "o= session id '" + shorten(f[1]) + "' is not a number");
            if (!SdpNumbers.isDigits(f[2])) throw new Malformed(lineNo, "o= session version '" + shorten(f[2]) + "' is not a number");
            return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        private Connection parseConnection(String value) {
            String[] f = fields(value);
            if (f.length != 3) throw new Malformed(lineNo, "c= needs '<nettype> <addrtype> <address>', not '" + shorten(value) + "'");
            if (!SdpNumbers.isToken(f[0]) || !SdpNumbers.isToken(f[1])) {
                throw new Malformed(lineNo, "c= network or address type is not a token: '" + shorten(value) + "'");
            }
            if (f[0].equals("IN") && (f[1].equals("IP4") || f[1].equals("IP6")) && f[2].startsWith("/")) {
                throw new Malformed(lineNo, "c= has no address: '" + shorten(value) + "'");
            }
            return new Connection(f[0], f[1], f[2]);
        }

        private Bandwidth parseBandwidth(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0 || !SdpNumbers.isToken(value.substring(0, colon))) {
                throw new Malformed(lineNo, "b= needs '<bwtype>:<bandwidth>', not '" + shorten(value) + "'");
            }
            String bw = value.substring(colon + 1);
            digits(bw, "b= bandwidth");
            return new Bandwidth(value.substring(0, colon), bw);
        }

        private Attribute parseAttribute(String value, boolean rtpMedia) {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            if (!SdpNumbers.isToken(name)) throw new Malformed(lineNo, "attribute name '" + shorten(name) + "' is not a token");
            if (colon < 0) return Attribute.property(name);
            String v = value.substring(colon + 1);
            if (rtpMedia) checkMediaAttribute(name, v);
            return Attribute.of(name, v);
        }

        /** The attributes whose value decides how media flows must be readable. */
        private void checkMediaAttribute(String name, String v) {
            try {
                switch (name) {
                    case "rtpmap" -> Rtpmap.parseStrict(v);
                    case "fmtp" -> {
                        int sp = v.indexOf(' ');
                        SdpNumbers.payloadType(sp < 0 ? v : v.substring(0, sp), "fmtp");
                    }
                    case "ptime", "maxptime" -> {
                        double d = Double.parseDouble(v.strip());
                        if (!(d > 0 && d < 100_000)) throw new IllegalArgumentException(name + " '" + v + "' is not a packet time in ms");
                    }
                    case "rtcp" -> RtcpAttribute.parseStrict(v);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                throw new Malformed(lineNo, name + " '" + shorten(v) + "' is not a packet time in ms");
            } catch (IllegalArgumentException e) {
                throw new Malformed(lineNo, "a=" + name + ": " + e.getMessage());
            }
        }

        private void startMedia(String value) {
            finishMedia();
            if (media.size() >= MAX_MEDIA) throw new Malformed(lineNo, "more than " + MAX_MEDIA + " media sections");
            String[] f = fields(value);
            if (f.length < 3) throw new Malformed(lineNo, "m= needs '<media> <port> <proto> <fmt> ...', not '" + shorten(value) + "'");
            if (!SdpNumbers.isToken(f[0])) throw new Malformed(lineNo, "m= media type '" + shorten(f[0]) + "' is not a token");
            String portText = f[1];
            int portCount = 0;
            int slash = portText.indexOf('/');
            if (slash >= 0) {
                portCount = (int) number(portText.substring(slash + 1), "m= number of ports", 1, 65535);
                portText = portText.substring(0, slash);
            }
            int port = (int) number(portText, "m= port", 0, 65535);
            if (!SdpNumbers.isVisible(f[2])) throw new Malformed(lineNo, "m= protocol '" + shorten(f[2]) + "' is not valid");
            List<String> formats = new ArrayList<>();
            for (int i = 3; i < f.length; i++) formats.add(f[i]);
            MediaBuilder b = new MediaBuilder(f[0], port, portCount, f[2], formats);
            if (formats.isEmpty() && port != 0) throw new Malformed(lineNo, "m=" + f[0] + " lists no format");
            if (b.rtp) for (String fmt : formats) number(fmt, "m= payload type", 0, 127);
            current = b;
            mediaLines.add(lineNo);
        }

        private void finishMedia() {
            if (current == null) return;
            media.add(new MediaDescription(current.media, current.port, current.portCount, current.proto, current.formats,
                    current.info, current.connection, current.bandwidths, current.key, current.attributes));
            current = null;
        }

        private long number(String s, String what, long min, long max) {
            try {
                return SdpNumbers.number(s, what, min, max);
            } catch (IllegalArgumentException e) {
                throw new Malformed(lineNo, e.getMessage());
            }
        }

        private void digits(String s, String what) {
            if (!SdpNumbers.isDigits(s)) throw new Malformed(lineNo, what + " '" + shorten(s) + "' is not a number");
        }

        private String[] fields(String value) {
            String v = value.strip();
            return v.isEmpty() ? new String[0] : v.split(" +");
        }
    }

    /** A media section being read. */
    private static final class MediaBuilder {
        final String media;
        final int port;
        final int portCount;
        final String proto;
        final List<String> formats;
        final boolean rtp;
        String info;
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        String key;
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String media, int port, int portCount, String proto, List<String> formats) {
            this.media = media;
            this.port = port;
            this.portCount = portCount;
            this.proto = proto;
            this.formats = formats;
            this.rtp = proto.toUpperCase(java.util.Locale.ROOT).contains("RTP/");
        }
    }

    static String shorten(String s) {
        String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
