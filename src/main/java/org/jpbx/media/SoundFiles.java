package org.jpbx.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sound files for Playback, in the formats and under the extensions Asterisk's format modules use
 * for 8 kHz telephone audio: {@code .ulaw}/{@code .ul}/{@code .mu}/{@code .pcm} (raw µ-law),
 * {@code .alaw}/{@code .al} (raw A-law), {@code .sln}/{@code .raw} (raw 16-bit signed
 * little-endian linear) and {@code .wav} (RIFF WAVE, 8000 Hz mono: 16-bit PCM, or G.711 µ-law /
 * A-law). Files are read whole, off the event loops (the dialplan thread reads them).
 */
public final class SoundFiles {
    /** One minute of audio per MB; a file larger than this is no prompt. */
    static final long MAX_BYTES = 64L << 20;

    private static final List<String> ULAW = List.of("ulaw", "ul", "mu", "pcm");
    private static final List<String> ALAW = List.of("alaw", "al");
    private static final List<String> SLIN = List.of("sln", "raw");

    private SoundFiles() {}

    /** A sound file that cannot be played, with the reason. */
    public static final class BadSoundFile extends IOException {
        public BadSoundFile(String message) { super(message); }
    }

    /** Reads {@code file} as audio in {@code law}. */
    public static Audio load(Path file, Law law) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new BadSoundFile(file + ": " + size + " bytes is more than the " + MAX_BYTES + " a prompt may have");
        byte[] data = Files.readAllBytes(file);
        if (ULAW.contains(ext)) return new Audio(Law.ULAW, data).in(law);
        if (ALAW.contains(ext)) return new Audio(Law.ALAW, data).in(law);
        if (SLIN.contains(ext)) return new Audio(law, encode(data, 0, data.length, law));
        if (ext.equals("wav")) return wav(file, data, law);
        throw new BadSoundFile(file + ": unknown sound format '." + ext + "' (use .wav, .ulaw, .alaw or .sln)");
    }

    /**
     * Finds {@code name} (without extension, relative to {@code soundsDir} unless absolute) as
     * Asterisk's Playback does, preferring the file that needs no conversion: the leg's own law,
     * then the other law, then 16-bit linear. Returns null when there is none.
     */
    public static Path find(Path soundsDir, String name, Law law) {
        Path base = Path.of(name).isAbsolute() ? Path.of(name) : soundsDir.resolve(name);
        List<String> order = new java.util.ArrayList<>(law == Law.ULAW ? ULAW : ALAW);
        order.addAll(law == Law.ULAW ? ALAW : ULAW);
        order.addAll(List.of("wav", "sln", "raw"));
        for (String ext : order) {
            Path p = base.resolveSibling(base.getFileName() + "." + ext);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Audio wav(Path file, byte[] data, Law law) throws BadSoundFile {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            throw new BadSoundFile(file + ": not a RIFF WAVE file");
        }
        int format = -1, channels = 0, rate = 0, bits = 0;
        int pos = 12;
        for (int chunks = 0; pos + 8 <= data.length && chunks < 1000; chunks++) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            long available = data.length - (long) body;
            if (id == 0x20746d66 /* "fmt " */) {
                if (size < 16 || size > available) throw new BadSoundFile(file + ": truncated fmt chunk");
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
            } else if (id == 0x61746164 /* "data" */) {
                if (format < 0) throw new BadSoundFile(file + ": data chunk before the fmt chunk");
                // A data size beyond the file (streamed writers leave it unset) means "to the end".
                int length = (int) Math.min(size, available);
                if (channels != 1) throw new BadSoundFile(file + ": " + channels + " channels; Playback needs mono");
                if (rate != 8000) throw new BadSoundFile(file + ": " + rate + " Hz; Playback needs 8000 Hz (Asterisk's wav format)");
                return switch (format) {
                    case 1 -> {
                        if (bits != 16) throw new BadSoundFile(file + ": " + bits + "-bit PCM; Playback needs 16-bit");
                        yield new Audio(law, encode(data, body, length, law));
                    }
                    case 7 -> new Audio(Law.ULAW, java.util.Arrays.copyOfRange(data, body, body + length)).in(law);
                    case 6 -> new Audio(Law.ALAW, java.util.Arrays.copyOfRange(data, body, body + length)).in(law);
                    default -> throw new BadSoundFile(file + ": WAVE format " + format + "; Playback needs PCM (1), A-law (6) or µ-law (7)");
                };
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new BadSoundFile(file + ": no data chunk");
    }

    /** 16-bit little-endian samples to G.711 (an odd trailing byte is ignored). */
    static byte[] encode(byte[] data, int offset, int length, Law law) {
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            int lo = data[offset + 2 * i] & 0xFF;
            int hi = data[offset + 2 * i + 1];
            out[i] = law.encode((hi << 8) | lo);
        }
        return out;
    }
}
