package org.jpbx.media;

/** 8 kHz G.711 audio, one byte per sample, ready to packetize. */
public record Audio(Law law, byte[] samples) {
    /** The same audio in {@code target} law. */
    public Audio in(Law target) { return target == law ? this : new Audio(target, law.convert(samples, target)); }

    /** Length in ms. */
    public long millis() { return samples.length / 8L; }
}
