package org.jpbx.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3264 offer/answer against endpoints configured in pjsip.conf text, read by the real loader. */
class OfferAnswerTest {
    /** The policy of endpoint {@code ep} with {@code options} (lines separated by ';'). */
    static MediaPolicy policy(String options) {
        String text = "[ep]\ntype=endpoint\n" + String.join("\n", options.split(";")) + "\n";
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d);
        return MediaPolicy.of(c.endpoint("ep").orElseThrow(() -> new AssertionError(d.toString())));
    }

    /** An offer from 192.0.2.10:4000 with payload types {@code pts} (space separated) and extra media lines. */
    static SessionDescription offer(String pts, String... extra) {
        StringBuilder b = new StringBuilder("v=0\r\no=phone 100 100 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n");
        b.append("m=audio 4000 RTP/AVP ").append(pts).append("\r\n");
        for (String pt : pts.split(" ")) {
            String map = switch (pt) {
                case "0" -> "0 PCMU/8000";
                case "8" -> "8 PCMA/8000";
                case "9" -> "9 G722/8000";
                case "3" -> "3 GSM/8000";
                case "18" -> "18 G729/8000";
                case "101" -> "101 telephone-event/8000";
                default -> null;
            };
            if (map != null) b.append("a=rtpmap:").append(map).append("\r\n");
        }
        for (String e : extra) b.append(e).append("\r\n");
        return SdpParserTest.parse(b.toString());
    }

    static List<String> formats(List<PayloadFormat> f) {
        return f.stream().map(PayloadFormat::toString).toList();
    }

    static IncomingOffer.Accepted accepted(IncomingOffer.Result r) {
        assertThat(r).as("%s", r).isInstanceOf(IncomingOffer.Accepted.class);
        return (IncomingOffer.Accepted) r;
    }

    static String answerText(IncomingOffer.Accepted a) {
        int[] ports = new int[a.streams().size()];
        for (int i = 0; i < ports.length; i++) ports[i] = 10000 + 2 * i;
        return a.answer(new SdpVersion("-", "127.0.0.1"), "127.0.0.1", ports).toString();
    }

    // ---- incoming offers ----

    @ParameterizedTest(name = "{0} / offer {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            allow=ulaw,alaw                                                  | 8 0 101 | ulaw/0 alaw/8 telephone-event/101
            disallow=all;allow=g722,ulaw,alaw                                | 0 8 9   | g722/9 ulaw/0 alaw/8
            allow=ulaw;allow=alaw;disallow=ulaw                              | 0 8     | alaw/8
            allow=all;disallow=g722                                          | 9 8 0   | ulaw/0 alaw/8
            allow=ulaw,alaw;incoming_call_offer_pref=remote                  | 8 0 101 | alaw/8 ulaw/0 telephone-event/101
            allow=alaw,ulaw;incoming_call_offer_pref=local_first             | 0 8 101 | alaw/8 telephone-event/101
            allow=alaw,ulaw;incoming_call_offer_pref=remote_first            | 0 8     | ulaw/0
            allow=ulaw,alaw;preferred_codec_only=yes                         | 8 0     | ulaw/0
            allow=ulaw;dtmf_mode=info                                        | 0 101   | ulaw/0
            allow=ulaw;dtmf_mode=inband                                      | 0 101   | ulaw/0
            allow=ulaw;dtmf_mode=none                                        | 0 101   | ulaw/0
            allow=ulaw;dtmf_mode=auto                                        | 0 101   | ulaw/0 telephone-event/101
            allow=ulaw;dtmf_mode=auto_info                                   | 0 101   | ulaw/0 telephone-event/101
            allow=ulaw,g729,gsm                                              | 3 18 0  | ulaw/0 g729/18 gsm/3
            """)
    void answerCodecsFollowTheEndpointsListAndPreference(String options, String offered, String expected) {
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer(offered), policy(options)));
        NegotiatedStream s = a.audio();
        assertThat(String.join(" ", formats(s.receive()))).isEqualTo(expected);
        assertThat(s.send()).as("an answer uses the offerer's payload types both ways").isEqualTo(s.receive());
        // The answer's m= line lists exactly those payload types.
        MediaDescription m = SdpParserTest.parse(answerText(a)).media().get(0);
        assertThat(m.formats()).containsExactlyElementsOf(s.receive().stream().map(f -> Integer.toString(f.payloadType())).toList());
    }

    @Test
    void answerLooksLikeAsterisks() {
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0 8 101", "a=fmtp:101 0-15", "a=ptime:20"), policy("allow=ulaw,alaw")));
        String text = answerText(a);
        String origin = text.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
        assertThat(origin).matches("o=- (\\d+) \\1 IN IP4 127\\.0\\.0\\.1");
        assertThat(text.replace(origin, "o=X")).isEqualTo("""
                v=0\r
                o=X\r
                s=Asterisk\r
                c=IN IP4 127.0.0.1\r
                t=0 0\r
                m=audio 10000 RTP/AVP 0 8 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=maxptime:150\r
                a=sendrecv\r
                """);
    }

    @Test
    void sdpOwnerAndSessionComeFromTheEndpoint() {
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0"), policy("allow=ulaw;sdp_owner=jpbx;sdp_session=Talk")));
        SessionDescription d = a.answer(new SdpVersion("jpbx", "127.0.0.1"), "127.0.0.1", new int[] {10000});
        assertThat(d.origin().username()).isEqualTo("jpbx");
        assertThat(d.sessionName()).isEqualTo("Talk");
    }

    @Test
    void dynamicPayloadTypesOfTheOfferAreKept() {
        SessionDescription o = offer("111 96 0", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 useinbandfec=1;minptime=10",
                "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-16");
        NegotiatedStream s = accepted(IncomingOffer.negotiate(o, policy("allow=opus,ulaw"))).audio();
        assertThat(formats(s.receive())).containsExactly("opus/111", "ulaw/0", "telephone-event/96");
        assertThat(s.receive().get(0).fmtp()).isEqualTo("useinbandfec=1;minptime=10");
        String text = answerText(accepted(IncomingOffer.negotiate(o, policy("allow=opus,ulaw"))));
        assertThat(text).contains("m=audio 10000 RTP/AVP 111 0 96\r\n", "a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:96 telephone-event/8000\r\n");
    }

    @Test
    void staticPayloadTypeWithoutRtpmapIsUnderstood() {
        SessionDescription o = SdpParserTest.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 0\r\n");
        assertThat(formats(accepted(IncomingOffer.negotiate(o, policy("allow=ulaw,alaw"))).audio().receive())).containsExactly("ulaw/0", "alaw/8");
    }

    @Test
    void noCommonCodecIsNotAcceptable() {
        IncomingOffer.Result r = IncomingOffer.negotiate(offer("18 3 101"), policy("allow=ulaw"));
        assertThat(r).isInstanceOf(IncomingOffer.NotAcceptable.class);
        assertThat(((IncomingOffer.NotAcceptable) r).reason()).isEqualTo(
                "No joint capabilities for 'audio' media stream between our configuration(ulaw) and incoming SDP(g729|gsm)");
    }

    @Test
    void endpointWithoutCodecsAcceptsNothing() {
        IncomingOffer.Result r = IncomingOffer.negotiate(offer("0 8"), policy("context=default"));
        assertThat(((IncomingOffer.NotAcceptable) r).reason()).contains("our configuration(nothing)");
    }

    @Test
    void offerWithoutMediaIsNotAcceptable() {
        SessionDescription o = SdpParserTest.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n");
        assertThat(IncomingOffer.negotiate(o, policy("allow=ulaw"))).isInstanceOf(IncomingOffer.NotAcceptable.class);
    }

    @ParameterizedTest(name = "offer {0} -> answer {1}")
    @CsvSource({
            "sendrecv, sendrecv, false",
            "sendonly, recvonly, true",
            "recvonly, sendonly, false",
            "inactive, inactive, true",
    })
    void holdDirectionsAreAnsweredInReverse(String offered, String answered, boolean held) {
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0", "a=" + offered), policy("allow=ulaw")));
        NegotiatedStream s = a.audio();
        assertThat(s.remoteDirection().attribute()).isEqualTo(offered);
        assertThat(s.localDirection().attribute()).isEqualTo(answered);
        assertThat(s.remoteHold()).isEqualTo(held);
        assertThat(answerText(a)).contains("a=" + answered + "\r\n");
    }

    @Test
    void rfc2543HoldAddressIsAHold() {
        SessionDescription o = SdpParserTest.parse("v=0\r\no=- 1 2 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n");
        NegotiatedStream s = accepted(IncomingOffer.negotiate(o, policy("allow=ulaw"))).audio();
        assertThat(s.remoteHold()).isTrue();
        assertThat(s.localDirection()).isEqualTo(Direction.RECVONLY);
        assertThat(s.remoteRtp()).as("nothing is sent to 0.0.0.0").isNull();
    }

    @Test
    void jpbxHoldingTheLegCombinesWithTheOffer() {
        NegotiatedStream s = accepted(IncomingOffer.negotiate(offer("0"), policy("allow=ulaw"), Direction.SENDONLY)).audio();
        assertThat(s.localDirection()).isEqualTo(Direction.SENDONLY);
        s = accepted(IncomingOffer.negotiate(offer("0", "a=sendonly"), policy("allow=ulaw"), Direction.SENDONLY)).audio();
        assertThat(s.localDirection()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void videoTheEndpointDoesNotAllowIsDeclinedWhileAudioIsAnswered() {
        SessionDescription o = offer("0", "m=video 4002 RTP/AVP 99", "a=rtpmap:99 H264/90000");
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(o, policy("allow=ulaw")));
        assertThat(a.streams().get(1).accepted()).isFalse();
        assertThat(a.streams().get(1).declineReason()).contains("No joint capabilities for 'video'");
        assertThat(answerText(a)).contains("m=audio 10000 RTP/AVP 0\r\n", "m=video 0 RTP/AVP 99\r\n");
        // With h264 allowed, both are answered.
        a = accepted(IncomingOffer.negotiate(o, policy("allow=ulaw,h264")));
        assertThat(a.streams().get(1).accepted()).isTrue();
        assertThat(answerText(a)).contains("m=video 10002 RTP/AVP 99\r\n", "a=rtpmap:99 H264/90000\r\n");
    }

    @Test
    void streamsBeyondMaxAudioStreamsAreDeclined() {
        SessionDescription o = offer("0", "m=audio 4002 RTP/AVP 0");
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(o, policy("allow=ulaw")));
        assertThat(a.streams().get(1).accepted()).isFalse();
        assertThat(a.streams().get(1).declineReason()).contains("max_audio_streams=1");
        assertThat(answerText(a)).contains("m=audio 0 RTP/AVP 0\r\n");
        assertThat(accepted(IncomingOffer.negotiate(o, policy("allow=ulaw;max_audio_streams=2"))).active()).hasSize(2);
    }

    @Test
    void streamOfferedWithPortZeroStaysDeclined() {
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0", "m=audio 0 RTP/AVP 8"), policy("allow=ulaw,alaw;max_audio_streams=2")));
        assertThat(a.streams().get(1).accepted()).isFalse();
        assertThat(answerText(a)).contains("m=audio 0 RTP/AVP 8\r\n");
    }

    @Test
    void srtpAndUnmatchedProfilesAreDeclined() {
        SessionDescription savp = SdpParserTest.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n");
        IncomingOffer.Result r = IncomingOffer.negotiate(savp, policy("allow=ulaw"));
        assertThat(((IncomingOffer.NotAcceptable) r).reason()).contains("RTP/SAVP", "SRTP");

        SessionDescription avpf = SdpParserTest.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVPF 0\r\n");
        assertThat(IncomingOffer.negotiate(avpf, policy("allow=ulaw"))).isInstanceOf(IncomingOffer.NotAcceptable.class);
        assertThat(answerText(accepted(IncomingOffer.negotiate(avpf, policy("allow=ulaw;use_avpf=yes"))))).contains("m=audio 10000 RTP/AVPF 0");
        assertThat(answerText(accepted(IncomingOffer.negotiate(avpf, policy("allow=ulaw;media_use_received_transport=yes")))))
                .contains("m=audio 10000 RTP/AVPF 0");
    }

    @Test
    void remoteAddressesRtcpAndRtcpMux() {
        NegotiatedStream s = accepted(IncomingOffer.negotiate(offer("0"), policy("allow=ulaw"))).audio();
        assertThat(s.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.10", 4000));
        assertThat(s.remoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.10", 4001));

        s = accepted(IncomingOffer.negotiate(offer("0", "a=rtcp:5005 IN IP4 192.0.2.11"), policy("allow=ulaw"))).audio();
        assertThat(s.remoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.11", 5005));

        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0", "a=rtcp-mux"), policy("allow=ulaw;rtcp_mux=yes")));
        assertThat(a.audio().rtcpMux()).isTrue();
        assertThat(a.audio().remoteRtcp()).isEqualTo(a.audio().remoteRtp());
        assertThat(answerText(a)).contains("a=rtcp-mux\r\n");
        // Without rtcp_mux on the endpoint, the offer's rtcp-mux is not taken up.
        a = accepted(IncomingOffer.negotiate(offer("0", "a=rtcp-mux"), policy("allow=ulaw")));
        assertThat(a.audio().rtcpMux()).isFalse();
        assertThat(answerText(a)).doesNotContain("rtcp-mux");
    }

    @Test
    void mediaAddressGivenAsANameIsKeptButNotResolved() {
        SessionDescription o = SdpParserTest.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 media.example.com\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n");
        NegotiatedStream s = accepted(IncomingOffer.negotiate(o, policy("allow=ulaw"))).audio();
        assertThat(s.remoteHost()).isEqualTo("media.example.com");
        assertThat(s.remoteRtp()).isNull();
    }

    @ParameterizedTest(name = "{0} with offer ptime {1} -> {2}")
    @CsvSource({
            "allow=ulaw, 30, 20",
            "allow=ulaw;use_ptime=yes, 30, 30",
            "allow=ulaw:30, 0, 30",
            "allow=ulaw:30;use_ptime=yes, 40, 40",
    })
    void packetizationFollowsUsePtimeAndTheAllowFraming(String options, int offeredPtime, int expected) {
        SessionDescription o = offeredPtime > 0 ? offer("0", "a=ptime:" + offeredPtime) : offer("0");
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(o, policy(options)));
        assertThat(a.audio().ptime()).isEqualTo(expected);
        assertThat(answerText(a)).contains("a=ptime:" + expected + "\r\n");
    }

    @Test
    void versionMovesOnOnlyWhenTheDescriptionChanges() {
        SdpVersion v = new SdpVersion("-", "127.0.0.1");
        IncomingOffer.Accepted a = accepted(IncomingOffer.negotiate(offer("0"), policy("allow=ulaw")));
        SessionDescription first = a.answer(v, "127.0.0.1", new int[] {10000});
        SessionDescription again = a.answer(v, "127.0.0.1", new int[] {10000});
        assertThat(again.origin()).isEqualTo(first.origin());
        IncomingOffer.Accepted hold = accepted(IncomingOffer.negotiate(offer("0", "a=sendonly"), policy("allow=ulaw")));
        SessionDescription held = hold.answer(v, "127.0.0.1", new int[] {10000});
        assertThat(held.origin().sessionId()).isEqualTo(first.origin().sessionId());
        assertThat(Long.parseLong(held.origin().sessionVersion())).isEqualTo(Long.parseLong(first.origin().sessionVersion()) + 1);
    }

    // ---- outgoing offers ----

    static List<Codec> codecs(String names) {
        List<Codec> out = new ArrayList<>();
        if (!names.isBlank()) for (String n : names.split(" ")) out.add(CodecTable.byName(n));
        return out;
    }

    @ParameterizedTest(name = "{0} / caller {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            allow=alaw,g722,ulaw                                          | ulaw g722 | ulaw/0 g722/9 alaw/8 telephone-event/101
            allow=alaw,g722,ulaw;outgoing_call_offer_pref=remote          | ulaw g722 | ulaw/0 g722/9 telephone-event/101
            allow=alaw,g722,ulaw;outgoing_call_offer_pref=local           | ulaw g722 | g722/9 ulaw/0 telephone-event/101
            allow=alaw,g722,ulaw;outgoing_call_offer_pref=local_merge     | ulaw g722 | alaw/8 g722/9 ulaw/0 telephone-event/101
            allow=alaw,g722,ulaw;outgoing_call_offer_pref=local_first     | ulaw g722 | g722/9 telephone-event/101
            allow=alaw,g722,ulaw;outgoing_call_offer_pref=remote_first    | ulaw g722 | ulaw/0 telephone-event/101
            allow=alaw,g722,ulaw                                          | ''        | alaw/8 g722/9 ulaw/0 telephone-event/101
            allow=alaw;outgoing_call_offer_pref=local                     | ulaw      | alaw/8 telephone-event/101
            allow=ulaw,alaw;dtmf_mode=inband                              | ulaw      | ulaw/0 alaw/8
            allow=ulaw,opus                                               | opus      | opus/107 ulaw/0 telephone-event/101
            """)
    void offerCodecsFollowOutgoingCallOfferPref(String options, String caller, String expected) {
        OutgoingOffer.Stream s = OutgoingOffer.audio(policy(options), codecs(caller), OutgoingOffer.relayableWith(List.of()));
        assertThat(String.join(" ", formats(s.formats()))).isEqualTo(expected);
    }

    @Test
    void onlyCodecsTheCallerCanBeRelayedToAreOffered() {
        // The caller talks g729: jpbx cannot convert it, so only g729 may go to the callee.
        List<Codec> caller = codecs("g729");
        assertThat(formats(OutgoingOffer.audio(policy("allow=ulaw,g729"), caller, OutgoingOffer.relayableWith(caller)).formats()))
                .containsExactly("g729/18", "telephone-event/101");
        assertThat(OutgoingOffer.audio(policy("allow=ulaw,alaw"), caller, OutgoingOffer.relayableWith(caller))).isNull();
        // A µ-law caller can reach an A-law-only callee: the relay converts.
        List<Codec> ulaw = codecs("ulaw");
        assertThat(formats(OutgoingOffer.audio(policy("allow=alaw"), ulaw, OutgoingOffer.relayableWith(ulaw)).formats()))
                .containsExactly("alaw/8", "telephone-event/101");
    }

    @Test
    void offerSdpListsTheStreamWithItsPortAndDirection() {
        MediaPolicy p = policy("allow=ulaw,alaw");
        OutgoingOffer.Stream s = OutgoingOffer.audio(p, List.of(), c -> true);
        SessionDescription d = OutgoingOffer.sdp(p, new SdpVersion("-", "127.0.0.1"), "127.0.0.1", List.of(s), new int[] {12000}, Direction.SENDRECV);
        assertThat(d.toString()).contains("c=IN IP4 127.0.0.1\r\n", "m=audio 12000 RTP/AVP 0 8 101\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
                "a=fmtp:101 0-16\r\n", "a=sendrecv\r\n");
        SessionDescription hold = OutgoingOffer.sdp(p, new SdpVersion("-", "127.0.0.1"), "127.0.0.1", List.of(s), new int[] {12000}, Direction.SENDONLY);
        assertThat(hold.toString()).contains("a=sendonly\r\n");
    }

    static SessionDescription ourOffer(String options) {
        MediaPolicy p = policy(options);
        return OutgoingOffer.sdp(p, new SdpVersion("-", "127.0.0.1"), "127.0.0.1", List.of(OutgoingOffer.audio(p, List.of(), c -> true)),
                new int[] {12000}, Direction.SENDRECV);
    }

    @Test
    void answerToOurOfferGivesSendAndReceiveFormats() {
        SessionDescription offer = ourOffer("allow=ulaw,alaw");
        SessionDescription answer = SdpParserTest.parse("v=0\r\no=- 7 7 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n"
                + "m=audio 6000 RTP/AVP 8 96\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n");
        OutgoingOffer.Result r = OutgoingOffer.answered(offer, answer, policy("allow=ulaw,alaw"));
        NegotiatedStream s = ((OutgoingOffer.Accepted) r).audio();
        assertThat(formats(s.send())).as("sent with the answer's payload types").containsExactly("alaw/8", "telephone-event/96");
        assertThat(formats(s.receive())).as("received with ours").containsExactly("ulaw/0", "alaw/8", "telephone-event/101");
        assertThat(s.preferredCodec().name()).isEqualTo("alaw");
        assertThat(s.telephoneEvent()).isTrue();
        assertThat(s.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.20", 6000));
        assertThat(s.localDirection()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void answerHoldingOrRefusingOurOffer() {
        SessionDescription offer = ourOffer("allow=ulaw");
        String head = "v=0\r\no=- 7 7 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n";
        NegotiatedStream s = ((OutgoingOffer.Accepted) OutgoingOffer.answered(offer,
                SdpParserTest.parse(head + "m=audio 6000 RTP/AVP 0\r\na=recvonly\r\n"), policy("allow=ulaw"))).audio();
        assertThat(s.localDirection()).isEqualTo(Direction.SENDONLY);

        OutgoingOffer.Result none = OutgoingOffer.answered(offer, SdpParserTest.parse(head + "m=audio 6000 RTP/AVP 8\r\n"), policy("allow=ulaw"));
        assertThat(((OutgoingOffer.Rejected) none).reason()).contains("No joint capabilities", "none of the offered codecs");

        OutgoingOffer.Result declined = OutgoingOffer.answered(offer, SdpParserTest.parse(head + "m=audio 0 RTP/AVP 0\r\n"), policy("allow=ulaw"));
        assertThat(((OutgoingOffer.Rejected) declined).reason()).contains("declined");

        OutgoingOffer.Result count = OutgoingOffer.answered(offer, SdpParserTest.parse(head + "m=audio 6000 RTP/AVP 0\r\nm=audio 6002 RTP/AVP 0\r\n"),
                policy("allow=ulaw"));
        assertThat(((OutgoingOffer.Rejected) count).reason()).contains("2 media sections for the offer's 1");
    }
}
