package org.jpbx.pjsip.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jpbx.pjsip.config.types.CodecList;

/**
 * The SDP handling the call layer needs while media is passed end to end: which payload formats of
 * an audio stream an endpoint allows (allow/disallow), the stream's direction (hold), and an
 * answer to a re-INVITE made from the last description sent. Works on the text line by line so
 * that everything else in a description passes unchanged.
 */
final class Sdp {
    private Sdp() {}

    /** Asterisk codec names of the static payload types and the encodings of rtpmap lines. */
    static String codecName(int pt, String encoding) {
        if (encoding != null) {
            String e = encoding.toLowerCase(Locale.ROOT);
            return switch (e) {
                case "pcmu" -> "ulaw";
                case "pcma" -> "alaw";
                case "g729" -> "g729";
                case "g722" -> "g722";
                case "gsm" -> "gsm";
                case "opus" -> "opus";
                case "telephone-event" -> "telephone-event";
                case "l16" -> "slin";
                default -> e;
            };
        }
        return switch (pt) {
            case 0 -> "ulaw";
            case 3 -> "gsm";
            case 4 -> "g723";
            case 8 -> "alaw";
            case 9 -> "g722";
            case 18 -> "g729";
            default -> null;
        };
    }

    /**
     * {@code sdp} with the formats of its audio streams limited to those {@code allowed} names (in
     * the offer's order; telephone-event is kept when some audio codec remains), or null when an
     * audio stream is left with no codec. An empty list allows nothing, as in Asterisk.
     */
    static String filter(String sdp, CodecList allowed) {
        String[] lines = sdp.split("\r?\n");
        // first pass: rtpmap encodings per payload type
        java.util.Map<Integer, String> encodings = new java.util.HashMap<>();
        for (String l : lines) {
            if (l.startsWith("a=rtpmap:")) {
                String rest = l.substring(9);
                int sp = rest.indexOf(' ');
                if (sp < 0) continue;
                try {
                    int pt = Integer.parseInt(rest.substring(0, sp).strip());
                    String enc = rest.substring(sp + 1).strip();
                    int slash = enc.indexOf('/');
                    encodings.put(pt, slash < 0 ? enc : enc.substring(0, slash));
                } catch (NumberFormatException ignored) {
                    // not a payload type: leave it to the peer
                }
            }
        }
        StringBuilder out = new StringBuilder(sdp.length());
        java.util.Set<String> dropped = new java.util.HashSet<>();
        boolean inAudio = false;
        boolean any = false;
        for (String l : lines) {
            if (l.startsWith("m=")) {
                inAudio = l.startsWith("m=audio ");
                if (inAudio) {
                    String[] f = l.split(" ");
                    if (f.length < 4) return null;
                    List<String> kept = new ArrayList<>();
                    boolean codec = false;
                    for (int i = 3; i < f.length; i++) {
                        int pt;
                        try {
                            pt = Integer.parseInt(f[i]);
                        } catch (NumberFormatException e) {
                            continue;
                        }
                        String name = codecName(pt, encodings.get(pt));
                        if ("telephone-event".equals(name)) kept.add(f[i]);
                        else if (name != null && allowed.contains(name)) {
                            kept.add(f[i]);
                            codec = true;
                        } else dropped.add(f[i]);
                    }
                    if (!codec) return null;
                    any = true;
                    out.append(f[0]).append(' ').append(f[1]).append(' ').append(f[2]);
                    for (String k : kept) out.append(' ').append(k);
                    out.append("\r\n");
                    continue;
                }
            } else if (inAudio && (l.startsWith("a=rtpmap:") || l.startsWith("a=fmtp:"))) {
                String pt = l.substring(l.indexOf(':') + 1).split(" ", 2)[0];
                if (dropped.contains(pt)) continue;
            }
            if (!l.isEmpty()) out.append(l).append("\r\n");
        }
        return any ? out.toString() : null;
    }

    /** True when the description puts its (first) audio stream on hold: sendonly, inactive, or c=0.0.0.0. */
    static boolean isHold(String sdp) {
        for (String l : sdp.split("\r?\n")) {
            String t = l.strip();
            if (t.equals("a=sendonly") || t.equals("a=inactive") || t.startsWith("c=IN IP4 0.0.0.0")) return true;
        }
        return false;
    }

    /**
     * The answer to an offer that may change the direction: {@code last} (what we sent before) with
     * its o= version one higher and the direction that answers the offer's (sendonly → recvonly,
     * inactive → inactive, otherwise sendrecv).
     */
    static String answerDirection(String last, String offer) {
        String wanted = "a=sendrecv";
        for (String l : offer.split("\r?\n")) {
            String t = l.strip();
            if (t.equals("a=sendonly") || t.startsWith("c=IN IP4 0.0.0.0")) wanted = "a=recvonly";
            else if (t.equals("a=inactive")) wanted = "a=inactive";
            else if (t.equals("a=recvonly")) wanted = "a=sendonly";
        }
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        for (String l : last.split("\r?\n")) {
            String t = l.strip();
            if (t.isEmpty()) continue;
            if (t.equals("a=sendrecv") || t.equals("a=sendonly") || t.equals("a=recvonly") || t.equals("a=inactive")) continue;
            if (t.startsWith("o=")) t = bumpVersion(t);
            out.append(t).append("\r\n");
            if (t.startsWith("m=audio") && !placed) {
                out.append(wanted).append("\r\n");
                placed = true;
            }
        }
        return out.toString();
    }

    static String bumpVersion(String originLine) {
        String[] f = originLine.split(" ");
        if (f.length < 6) return originLine;
        try {
            f[2] = Long.toString(Long.parseLong(f[2]) + 1);
        } catch (NumberFormatException e) {
            return originLine;
        }
        return String.join(" ", f);
    }

    /**
     * A description for a call answered here with nothing to send (Answer without a bridge while
     * media is passed end to end): the first allowed codec of the offer, at our address, port 9
     * (discard), so the caller has a valid answer.
     */
    static String localAnswer(String offer, CodecList allowed, String address, long sessionId) {
        String filtered = offer == null ? null : filter(offer, allowed);
        String format = "0";
        String rtpmap = "a=rtpmap:0 PCMU/8000";
        if (filtered != null) {
            for (String l : filtered.split("\r\n")) {
                if (l.startsWith("m=audio ")) {
                    String[] f = l.split(" ");
                    for (int i = 3; i < f.length; i++) {
                        int pt = Integer.parseInt(f[i]);
                        String n = codecName(pt, null);
                        if (n != null || pt >= 96) {
                            format = f[i];
                            rtpmap = null;
                            break;
                        }
                    }
                }
            }
            if (rtpmap == null) {
                rtpmap = "";
                for (String l : filtered.split("\r\n")) if (l.startsWith("a=rtpmap:" + format + " ")) rtpmap = l;
            }
        }
        return "v=0\r\n"
                + "o=- " + sessionId + " " + sessionId + " IN IP4 " + address + "\r\n"
                + "s=Asterisk\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio 9 RTP/AVP " + format + "\r\n"
                + (rtpmap.isEmpty() ? "" : rtpmap + "\r\n")
                + "a=sendrecv\r\n";
    }
}
