package org.jpbx.sdp;

import java.util.List;

/**
 * A session description (RFC 8866): the session-level lines and the media sections, in order.
 * Immutable; {@link SdpParser} reads one, {@link SdpWriter} writes one. Unknown attributes and the
 * rarely used lines ({@code u=}, {@code e=}, {@code p=}, {@code r=}, {@code z=}, {@code k=}) are kept
 * as written so that a description passes through unchanged.
 *
 * @param connection the session-level {@code c=}, or null
 * @param timeZones the {@code z=} value, or null
 * @param key the {@code k=} value, or null
 */
public record SessionDescription(int version, Origin origin, String sessionName, String info, String uri, List<String> emails,
                                 List<String> phones, Connection connection, List<Bandwidth> bandwidths, List<Timing> timings,
                                 String timeZones, String key, List<Attribute> attributes, List<MediaDescription> media) {
    public SessionDescription {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** What a SIP user agent writes: v=0, o=, s=, an optional session c=, t=0 0, attributes and media. */
    public static SessionDescription of(Origin origin, String sessionName, Connection connection, List<Attribute> attributes,
                                        List<MediaDescription> media) {
        return new SessionDescription(0, origin, sessionName, null, null, List.of(), List.of(), connection, List.of(),
                List.of(Timing.PERMANENT), null, null, attributes, media);
    }

    /** The connection that applies to {@code m}: its own, else the session's (null when neither exists). */
    public Connection connectionOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** The direction that applies to {@code m}: its own attribute, else the session's, else sendrecv (RFC 8866 §6.7). */
    public Direction directionOf(MediaDescription m) {
        Direction d = m.direction();
        if (d != null) return d;
        for (int i = attributes.size() - 1; i >= 0; i--) {
            Attribute a = attributes.get(i);
            Direction x = a.isProperty() ? Direction.fromAttribute(a.name()) : null;
            if (x != null) return x;
        }
        return Direction.SENDRECV;
    }

    public SessionDescription withOrigin(Origin o) {
        return new SessionDescription(version, o, sessionName, info, uri, emails, phones, connection, bandwidths, timings, timeZones,
                key, attributes, media);
    }

    public SessionDescription withMedia(List<MediaDescription> m) {
        return new SessionDescription(version, origin, sessionName, info, uri, emails, phones, connection, bandwidths, timings,
                timeZones, key, attributes, m);
    }

    /** The description as SDP text with CRLF line ends. */
    @Override
    public String toString() { return SdpWriter.write(this); }
}
