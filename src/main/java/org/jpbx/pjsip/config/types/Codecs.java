package org.jpbx.pjsip.config.types;

import java.util.List;
import java.util.Locale;

/** The codec names Asterisk knows, in the order {@code allow=all} adds them. */
public final class Codecs {
    private Codecs() {}

    public static final List<String> KNOWN = List.of(
            // audio
            "ulaw", "alaw", "gsm", "g726", "g726aal2", "adpcm", "slin", "slin12", "slin16", "slin24", "slin32",
            "slin44", "slin48", "slin96", "slin192", "lpc10", "g729", "speex", "speex16", "speex32", "ilbc",
            "g722", "siren7", "siren14", "testlaw", "g719", "opus", "silk8", "silk12", "silk16", "silk24", "codec2",
            // image and video
            "jpeg", "png", "h261", "h263", "h263p", "h264", "h265", "mpeg4", "vp8", "vp9",
            // text
            "red", "t140", "t140red");

    /** The canonical (lower-case) name of {@code name}, or null when it is no known codec. */
    public static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return KNOWN.contains(n) ? n : null;
    }
}
