package org.jpbx.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes jpbx's own media sections, in the shape Asterisk's have: an rtpmap for every payload type
 * (static ones too), fmtp where the format has parameters, then for audio {@code a=ptime} and
 * {@code a=maxptime}, {@code a=rtcp-mux} when agreed, and the direction last.
 */
final class MediaSections {
    private MediaSections() {}

    static MediaDescription active(String media, int port, String proto, List<PayloadFormat> formats, int ptime, boolean rtcpMux,
                                   Direction direction) {
        List<String> pts = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        int maxMs = 0;
        for (PayloadFormat f : formats) {
            pts.add(Integer.toString(f.payloadType()));
            attrs.add(Attribute.of("rtpmap", f.codec().rtpmap(f.payloadType()).value()));
            if (f.fmtp() != null && !f.fmtp().isEmpty()) attrs.add(Attribute.of("fmtp", f.payloadType() + " " + f.fmtp()));
            int max = f.codec().maxMs();
            if (max > 0) maxMs = maxMs == 0 ? max : Math.min(maxMs, max);
        }
        if (media.equals("audio")) {
            if (ptime > 0) attrs.add(Attribute.of("ptime", Integer.toString(ptime)));
            if (maxMs > 0) attrs.add(Attribute.of("maxptime", Integer.toString(maxMs)));
        }
        if (rtcpMux) attrs.add(Attribute.property("rtcp-mux"));
        attrs.add(Attribute.property(direction.attribute()));
        return MediaDescription.of(media, port, proto, pts, null, attrs);
    }

    /** A refused stream: port 0 and the formats it was offered with (RFC 3264 §6 wants at least one). */
    static MediaDescription declined(MediaDescription offered) {
        List<String> formats = offered.formats().isEmpty() ? List.of("0") : offered.formats();
        return MediaDescription.of(offered.media(), 0, offered.proto(), formats, null, List.of());
    }

    static SessionDescription session(MediaPolicy policy, SdpVersion version, String address, List<MediaDescription> media) {
        String name = policy.sdpSession() == null || policy.sdpSession().isBlank() ? "-" : policy.sdpSession();
        Origin placeholder = new Origin("-", "0", "0", "IN", "IP4", address);
        SessionDescription d = SessionDescription.of(placeholder, name, Connection.of(address), List.of(), media);
        return version.stamp(d);
    }
}
