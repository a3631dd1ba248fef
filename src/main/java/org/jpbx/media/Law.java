package org.jpbx.media;

import org.jpbx.sdp.Codec;
import org.jpbx.sdp.CodecTable;

/** The two G.711 companding laws: µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8). */
public enum Law {
    ULAW("ulaw", G711.ULAW_SILENCE), ALAW("alaw", G711.ALAW_SILENCE);

    private final String codecName;
    private final byte silence;

    Law(String codecName, byte silence) {
        this.codecName = codecName;
        this.silence = silence;
    }

    public Codec codec() { return CodecTable.byName(codecName); }

    /** The code of a zero sample. */
    public byte silence() { return silence; }

    public Law other() { return this == ULAW ? ALAW : ULAW; }

    /** The law of {@code codec}, or null when it is not G.711. */
    public static Law of(Codec codec) {
        if (codec == null) return null;
        return switch (codec.name()) {
            case "ulaw" -> ULAW;
            case "alaw" -> ALAW;
            default -> null;
        };
    }

    /** A copy of {@code samples} (coded in this law) coded in {@code target}. */
    public byte[] convert(byte[] samples, Law target) {
        byte[] out = samples.clone();
        if (target != this) G711.convert(out, 0, out.length, G711.table(this));
        return out;
    }

    public byte encode(int linear) { return this == ULAW ? G711.linearToUlaw(linear) : G711.linearToAlaw(linear); }
}
