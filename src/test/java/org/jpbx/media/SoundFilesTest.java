package org.jpbx.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundFilesTest {
    @TempDir
    Path dir;

    /** 8 kHz 16-bit samples of a 1 kHz sine. */
    static short[] sine(int n, int amplitude) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * i / 8));
        return s;
    }

    /** A RIFF WAVE file: a LIST chunk before fmt (odd-sized, so padded), then fmt and data. */
    static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + 3 + 1 + 8 + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(4 + 8 + 4 + 8 + 16 + 8 + data.length).put("WAVE".getBytes());
        h.put("LIST".getBytes()).putInt(3).put(new byte[] {'a', 'b', 'c'}).put((byte) 0);
        h.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        h.put("data".getBytes()).putInt(data.length);
        out.writeBytes(h.array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] pcm(short[] s) {
        ByteBuffer b = ByteBuffer.allocate(2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short x : s) b.putShort(x);
        return b.array();
    }

    @Test
    void wavPcmIsEncodedInTheLegsLaw() throws Exception {
        short[] s = sine(800, 12000);
        Path f = dir.resolve("tone.wav");
        Files.write(f, wav(1, 1, 8000, 16, pcm(s)));
        Audio u = SoundFiles.load(f, Law.ULAW);
        Audio a = SoundFiles.load(f, Law.ALAW);
        assertThat(u.samples()).hasSize(800);
        assertThat(u.millis()).isEqualTo(100);
        for (int i = 0; i < s.length; i++) {
            assertThat(u.samples()[i] & 0xFF).isEqualTo(G711Test.refUlaw(s[i]));
            assertThat(a.samples()[i] & 0xFF).isEqualTo(G711Test.refAlaw(s[i]));
        }
    }

    @Test
    void wavInG711AndRawFilesAreConvertedWhenNeeded() throws Exception {
        byte[] milliwatt = RtpRelayTest.ULAW_MILLIWATT;
        Path w = dir.resolve("mw.wav");
        Files.write(w, wav(7, 1, 8000, 8, milliwatt));
        assertThat(SoundFiles.load(w, Law.ALAW).samples()).isEqualTo(RtpRelayTest.ALAW_MILLIWATT);
        Path raw = dir.resolve("mw.ulaw");
        Files.write(raw, milliwatt);
        assertThat(SoundFiles.load(raw, Law.ULAW).samples()).isEqualTo(milliwatt);
        assertThat(SoundFiles.load(raw, Law.ALAW).samples()).isEqualTo(RtpRelayTest.ALAW_MILLIWATT);
        Path al = dir.resolve("mw.alaw");
        Files.write(al, RtpRelayTest.ALAW_MILLIWATT);
        assertThat(SoundFiles.load(al, Law.ULAW).samples()).isEqualTo(milliwatt);
        Path sln = dir.resolve("tone.sln");
        short[] s = sine(16, 3000);
        Files.write(sln, pcm(s));
        assertThat(SoundFiles.load(sln, Law.ULAW).samples()[2] & 0xFF).isEqualTo(G711Test.refUlaw(s[2]));
    }

    @Test
    void unsupportedFilesAreRefusedWithTheReason() throws Exception {
        Path wide = dir.resolve("wide.wav");
        Files.write(wide, wav(1, 1, 16000, 16, new byte[320]));
        assertThatThrownBy(() -> SoundFiles.load(wide, Law.ULAW)).isInstanceOf(SoundFiles.BadSoundFile.class)
                .hasMessageContaining("16000 Hz; Playback needs 8000 Hz");
        Path stereo = dir.resolve("stereo.wav");
        Files.write(stereo, wav(1, 2, 8000, 16, new byte[320]));
        assertThatThrownBy(() -> SoundFiles.load(stereo, Law.ULAW)).hasMessageContaining("2 channels; Playback needs mono");
        Path eight = dir.resolve("eight.wav");
        Files.write(eight, wav(1, 1, 8000, 8, new byte[320]));
        assertThatThrownBy(() -> SoundFiles.load(eight, Law.ULAW)).hasMessageContaining("8-bit PCM");
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SoundFiles.load(junk, Law.ULAW)).hasMessageContaining("not a RIFF WAVE file");
        Path nodata = dir.resolve("nodata.wav");
        byte[] full = wav(1, 1, 8000, 16, new byte[0]);
        Files.write(nodata, java.util.Arrays.copyOf(full, full.length - 8));
        assertThatThrownBy(() -> SoundFiles.load(nodata, Law.ULAW)).hasMessageContaining("no data chunk");
        Path mp3 = dir.resolve("song.mp3");
        Files.write(mp3, new byte[10]);
        assertThatThrownBy(() -> SoundFiles.load(mp3, Law.ULAW)).hasMessageContaining("unknown sound format '.mp3'");
    }

    @Test
    void findPrefersTheFileThatNeedsNoConversion() throws Exception {
        Files.createDirectories(dir.resolve("en"));
        Files.write(dir.resolve("en/hello.wav"), wav(1, 1, 8000, 16, new byte[16]));
        Files.write(dir.resolve("en/hello.alaw"), new byte[8]);
        assertThat(SoundFiles.find(dir, "en/hello", Law.ALAW)).isEqualTo(dir.resolve("en/hello.alaw"));
        assertThat(SoundFiles.find(dir, "en/hello", Law.ULAW)).as("the other law beats decoding a wav").isEqualTo(dir.resolve("en/hello.alaw"));
        Files.write(dir.resolve("en/hello.ulaw"), new byte[8]);
        assertThat(SoundFiles.find(dir, "en/hello", Law.ULAW)).isEqualTo(dir.resolve("en/hello.ulaw"));
        assertThat(SoundFiles.find(dir, "en/missing", Law.ULAW)).isNull();
        assertThat(SoundFiles.find(dir, dir.resolve("en/hello").toString(), Law.ULAW)).isEqualTo(dir.resolve("en/hello.ulaw"));
    }
}
