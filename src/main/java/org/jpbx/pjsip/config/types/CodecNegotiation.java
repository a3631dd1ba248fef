package org.jpbx.pjsip.config.types;

/**
 * One {@code codec_prefs_*} setting. {@code transcode} is null for the answer options, which ignore
 * it and do not show it.
 */
public record CodecNegotiation(String prefer, String operation, String keep, String transcode) {
    @Override
    public String toString() {
        String s = "prefer: " + prefer + ", operation: " + operation + ", keep: " + keep;
        return transcode == null ? s : s + ", transcode: " + transcode;
    }
}
