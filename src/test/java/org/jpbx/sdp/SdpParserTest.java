package org.jpbx.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserTest {
    /** What a desk phone sends: session c=, audio with rtpmaps, fmtp, ptime, an unknown attribute. */
    static final String PHONE_OFFER = """
            v=0\r
            o=alice 2890844526 2890844527 IN IP4 192.0.2.10\r
            s=SIP Call\r
            c=IN IP4 192.0.2.10\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8 9 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:9 G722/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-15\r
            a=ptime:20\r
            a=x-vendor-thing:42 yes\r
            a=sendrecv\r
            """;

    static SessionDescription parse(String text) {
        ParsedSdp r = SdpParser.parse(text);
        assertThat(r).as("%s", r).isInstanceOf(ParsedSdp.Valid.class);
        return r.sdpOrNull();
    }

    static ParsedSdp.Invalid invalid(String text) {
        ParsedSdp r = SdpParser.parse(text);
        assertThat(r).as("%s", r).isInstanceOf(ParsedSdp.Invalid.class);
        return (ParsedSdp.Invalid) r;
    }

    @Test
    void readsAPhoneOffer() {
        SessionDescription d = parse(PHONE_OFFER);
        assertThat(d.origin()).isEqualTo(new Origin("alice", "2890844526", "2890844527", "IN", "IP4", "192.0.2.10"));
        assertThat(d.sessionName()).isEqualTo("SIP Call");
        assertThat(d.connection().host()).isEqualTo("192.0.2.10");
        assertThat(d.timings()).containsExactly(Timing.PERMANENT);
        MediaDescription m = d.media().get(0);
        assertThat(m.media()).isEqualTo("audio");
        assertThat(m.port()).isEqualTo(49170);
        assertThat(m.proto()).isEqualTo("RTP/AVP");
        assertThat(m.formats()).containsExactly("0", "8", "9", "101");
        assertThat(m.rtpmap(101)).isEqualTo(new Rtpmap(101, "telephone-event", 8000, 1));
        assertThat(m.fmtp(101)).isEqualTo("0-15");
        assertThat(m.fmtp(0)).isNull();
        assertThat(m.ptime()).isEqualTo(20);
        assertThat(m.attributeValue("x-vendor-thing")).isEqualTo("42 yes");
        assertThat(d.directionOf(m)).isEqualTo(Direction.SENDRECV);
        assertThat(d.connectionOf(m)).isEqualTo(Connection.ip4("192.0.2.10"));
        assertThat(m.rtcp()).isNull();
        assertThat(m.rtcpMux()).isFalse();
    }

    @Test
    void writesBackWhatItReadByteForByte() {
        assertThat(SdpWriter.write(parse(PHONE_OFFER))).isEqualTo(PHONE_OFFER);
    }

    @Test
    void everyLineTypeSurvivesARoundTrip() {
        String full = """
                v=0\r
                o=- 1 2 IN IP6 2001:db8::1\r
                s=-\r
                i=A seminar\r
                u=http://www.example.com/seminars/sdp.pdf\r
                e=j.doe@example.com (Jane Doe)\r
                p=+1 617 555-6011\r
                c=IN IP4 224.2.17.12/127\r
                b=CT:128\r
                t=2873397496 2873404696\r
                r=7d 1h 0 25h\r
                t=0 0\r
                z=2882844526 -1h 2898848070 0\r
                k=prompt\r
                a=recvonly\r
                a=tool:x y\r
                m=audio 49170/2 RTP/AVP 0\r
                i=voice\r
                c=IN IP6 2001:db8::2\r
                b=AS:64\r
                k=prompt\r
                a=rtcp:53020 IN IP4 126.16.64.4\r
                a=rtcp-mux\r
                m=video 0 RTP/AVP 31\r
                m=application 9 UDP/BFCP *\r
                a=floorctrl:c-only\r
                """;
        SessionDescription d = parse(full);
        assertThat(SdpWriter.write(d)).isEqualTo(full);
        assertThat(d.timings().get(0).repeats()).containsExactly("7d 1h 0 25h");
        assertThat(d.connection().host()).isEqualTo("224.2.17.12");
        MediaDescription audio = d.media().get(0);
        assertThat(audio.portCount()).isEqualTo(2);
        assertThat(audio.rtcp()).isEqualTo(new RtcpAttribute(53020, Connection.ip4("126.16.64.4")));
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(d.directionOf(audio)).as("session-level direction applies").isEqualTo(Direction.RECVONLY);
        assertThat(d.media().get(1).isDisabled()).isTrue();
        assertThat(d.media().get(2).formats()).containsExactly("*");
        // parse(write(d)) is d again
        assertThat(parse(SdpWriter.write(d))).isEqualTo(d);
    }

    @Test
    void acceptsLineFeedsBlankLinesAndExtraSpacesAndWritesCrlf() {
        SessionDescription d = parse("v=0\no=-  1 1 IN IP4 127.0.0.1\ns=\n\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio  4000 RTP/AVP 0  8\n\n");
        assertThat(d.sessionName()).isEmpty();
        assertThat(d.media().get(0).formats()).containsExactly("0", "8");
        assertThat(SdpWriter.write(d)).isEqualTo("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8\r\n");
    }

    @Test
    void readsBytesAsUtf8() {
        byte[] b = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Grüße\r\nt=0 0\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SdpParser.parse(b).sdpOrNull().sessionName()).isEqualTo("Grüße");
    }

    @Test
    void mediaDirectionAndHoldAddress() {
        SessionDescription d = parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=sendonly\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=inactive\r\nm=audio 4002 RTP/AVP 0\r\n");
        assertThat(d.directionOf(d.media().get(0))).isEqualTo(Direction.INACTIVE);
        assertThat(d.directionOf(d.media().get(1))).isEqualTo(Direction.SENDONLY);
        assertThat(d.connection().isHoldAddress()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                         | ''                                                                      | 0 | empty description
            no version first              | o=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0                                  | 1 | must begin with v=0
            version 1                     | v=1\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0                            | 1 | version '1' is not 0
            not a type line               | v=0\\nhello\\n                                                          | 2 | 'hello' is not <type>=<value>
            upper-case type               | v=0\\nO=- 1 1 IN IP4 127.0.0.1                                          | 2 | is not <type>=<value>
            unknown type                  | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\ny=0123\\n                 | 5 | unknown line type 'y='
            no origin                     | v=0\\ns=-\\nt=0 0                                                       | 0 | no o= line
            origin with five fields       | v=0\\no=- 1 1 IN IP4\\ns=-\\nt=0 0                                      | 2 | o= needs 6 fields
            origin id not a number        | v=0\\no=- abc 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0                          | 2 | o= session id 'abc' is not a number
            two origins                   | v=0\\no=- 1 1 IN IP4 127.0.0.1\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0 | 3 | more than one o= line
            no session name               | v=0\\no=- 1 1 IN IP4 127.0.0.1\\nt=0 0                                  | 0 | no s= line
            no time                       | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-                                    | 0 | no t= line
            time not numbers              | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=now 0                          | 4 | t= start time 'now' is not a number
            repeat before time            | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nr=7d 1h 0\\nt=0 0                 | 4 | r= must follow a t= line
            connection with two fields    | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4\\nt=0 0                  | 4 | c= needs
            bandwidth not a number        | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nb=AS:lots\\nt=0 0                 | 4 | b= bandwidth 'lots' is not a number
            media port not a number       | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio abc RTP/AVP 0     | 6 | m= port 'abc' is not a number
            media port too big            | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 70000 RTP/AVP 0   | 6 | m= port 70000 is outside 0-65535
            payload type too big          | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 200  | 6 | m= payload type 200 is outside 0-127
            media without formats         | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP      | 6 | m=audio lists no format
            media line too short          | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000              | 6 | m= needs
            rtpmap without clock          | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU     | 7 | a=rtpmap: rtpmap '0 PCMU' is not
            rtpmap clock not a number     | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/fast | 7 | rtpmap clock rate 'fast' is not a number
            rtpmap payload type too big   | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:300 X/8000 | 7 | rtpmap payload type 300 is outside 0-127
            fmtp without payload type     | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=fmtp:x 0-16   | 7 | fmtp payload type 'x' is not a number
            ptime not a number            | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=ptime:soon      | 7 | ptime 'soon' is not a packet time
            rtcp port not a number        | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\na=rtcp:next      | 7 | rtcp port 'next' is not a number
            session line inside media     | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nc=IN IP4 127.0.0.1\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\nt=0 0             | 7 | 't=' belongs before the first m= line
            no connection anywhere        | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio 4000 RTP/AVP 0                                       | 5 | has no c= line
            two media connections         | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio 4000 RTP/AVP 0\\nc=IN IP4 127.0.0.1\\nc=IN IP4 127.0.0.2 | 7 | more than one media-level c= line
            bad attribute name            | v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\na=:x                                                         | 5 | attribute name '' is not a token
            """)
    void rejectsMalformedDescriptionsWithTheLineAndReason(String name, String text, int line, String reason) {
        ParsedSdp.Invalid e = invalid(text.replace("\\n", "\n"));
        assertThat(e.line()).as(e.message()).isEqualTo(line);
        assertThat(e.reason()).contains(reason);
        assertThat(e.message()).startsWith(line > 0 ? "SDP line " + line + ": " : "SDP: ");
    }

    @Test
    void declinedStreamNeedsNoConnectionOrFormats() {
        SessionDescription d = parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 0 RTP/AVP\r\n");
        assertThat(d.media().get(0).isDisabled()).isTrue();
    }

    @Test
    void controlCharactersAreNotEchoedIntoMessages() {
        ParsedSdp.Invalid e = invalid("v=0\r\n\u0001\u0002junk\r\n");
        assertThat(e.reason()).doesNotContain("\u0001").contains("??junk");
    }

    /** Mutated descriptions (bytes flipped, cut, lines dropped) never throw; each comes back valid or with a reason. */
    @Test
    void neverThrowsOnMutatedInput() {
        byte[] base = PHONE_OFFER.getBytes(StandardCharsets.UTF_8);
        Random r = new Random(6);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = base.clone();
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits; i++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            int len = r.nextInt(10) == 0 ? r.nextInt(b.length + 1) : b.length;
            ParsedSdp p = SdpParser.parse(b, 0, len);
            assertThat(p).isNotNull();
            if (p instanceof ParsedSdp.Invalid inv) assertThat(inv.reason()).isNotBlank().doesNotContain("unreadable description");
        }
    }

    @Test
    void accessorsIgnoreMalformedOptionalAttributesOfNonRtpStreams() {
        // The checks apply to RTP media; other protocols keep their attributes as text.
        SessionDescription d = parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=image 4000 udptl t38\r\na=ptime:soon\r\n");
        assertThat(d.media().get(0).ptime()).isZero();
        assertThat(d.media().get(0).isRtp()).isFalse();
    }

    @Test
    void mediaSectionsAreWrittenInRfcOrder() {
        MediaDescription m = MediaDescription.of("audio", 4000, "RTP/AVP", List.of("0"), Connection.ip4("127.0.0.1"),
                List.of(Attribute.of("rtpmap", "0 PCMU/8000"), Attribute.property("sendrecv")));
        SessionDescription d = SessionDescription.of(new Origin("-", "5", "6", "IN", "IP4", "127.0.0.1"), "s", null, List.of(), List.of(m));
        assertThat(d.toString()).isEqualTo("v=0\r\no=- 5 6 IN IP4 127.0.0.1\r\ns=s\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "c=IN IP4 127.0.0.1\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n");
    }
}
