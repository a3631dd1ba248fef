package org.jpbx.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput, one thread: messages per second on one core.
 *
 * <p>Each operation parses one whole datagram and then reads what a registrar needs from it:
 * top Via, From, To, Call-ID, CSeq, Contact, Expires and Authorization. The target for REGISTER
 * is 1,000,000 messages/s per core. {@link #registerParseOnly} is the same REGISTER without the
 * typed accessors beyond what the parser validates itself, to show what the accessors cost.
 *
 * <p>Run with {@code bench/jmh.sh}. The annotations below are the defaults when the class is run
 * some other way; the script passes its own (shorter) settings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 5)
public class ParserBenchmark {

    /** A REGISTER as a phone sends it the second time: with digest credentials. */
    static final String REGISTER = crlf("""
            REGISTER sip:pbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.45:5060;rport;branch=z9hG4bK-524287-1---2b2b1fd1f24c5a8a
            Max-Forwards: 70
            Contact: <sip:1001@192.0.2.45:5060;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-0004f2a1b2c3>";reg-id=1;expires=3600
            To: "Alice" <sip:1001@pbx.example.com>
            From: "Alice" <sip:1001@pbx.example.com>;tag=b3f9a8c1
            Call-ID: NjQ5ZWE2OTk3ZWNiMjU0ZTBlNWFiMmU5ZDk4YTk2ZjU
            CSeq: 2 REGISTER
            Expires: 3600
            Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE
            Supported: replaces, outbound, path
            User-Agent: Polycom/6.4.3.5018 PolycomVVX-VVX_450-UA/6.4.3.5018
            Authorization: Digest username="1001",realm="asterisk",nonce="1732598400/6f1c2f7a2d3e9b1a4c5d6e7f8a9b0c1d",uri="sip:pbx.example.com",response="0b6a2d5e3f1c4a7b8d9e0f1a2b3c4d5e",algorithm=MD5,cnonce="a1b2c3d4",qop=auth,nc=00000001,opaque="5ccc069c403ebaf9f0171e9517f40e41"
            Content-Length: 0

            """);

    /** An initial INVITE from a phone with an SDP offer (audio, four codecs, DTMF events). */
    static final String INVITE;
    static {
        String sdp = crlf("""
                v=0
                o=- 1732598400 1732598400 IN IP4 192.0.2.45
                s=-
                c=IN IP4 192.0.2.45
                t=0 0
                m=audio 16384 RTP/AVP 0 8 9 18 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:9 G722/8000
                a=rtpmap:18 G729/8000
                a=fmtp:18 annexb=no
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendrecv
                """);
        INVITE = crlf("""
                INVITE sip:1002@pbx.example.com SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.45:5060;rport;branch=z9hG4bK-524287-1---7c3a9e2b11d04f5e
                Max-Forwards: 70
                Contact: <sip:1001@192.0.2.45:5060;transport=udp>
                To: <sip:1002@pbx.example.com>
                From: "Alice" <sip:1001@pbx.example.com>;tag=9d2e7f41
                Call-ID: MzE0ZjU2NzA4YjQ5YzJkZTFhMGI5ODc2NTQzMjEwZmU
                CSeq: 2 INVITE
                Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE
                Content-Type: application/sdp
                Supported: replaces, timer, 100rel
                User-Agent: Polycom/6.4.3.5018 PolycomVVX-VVX_450-UA/6.4.3.5018
                Proxy-Authorization: Digest username="1001",realm="asterisk",nonce="1732598400/6f1c2f7a2d3e9b1a4c5d6e7f8a9b0c1d",uri="sip:1002@pbx.example.com",response="9f8e7d6c5b4a39281706f5e4d3c2b1a0",algorithm=MD5,cnonce="e5f6a7b8",qop=auth,nc=00000001
                Content-Length: %d

                """).formatted(sdp.length()) + sdp;
    }

    private byte[] register;
    private byte[] invite;

    @Setup
    public void setup() {
        register = REGISTER.getBytes(StandardCharsets.ISO_8859_1);
        invite = INVITE.getBytes(StandardCharsets.ISO_8859_1);
        // fail fast if a message does not parse cleanly: a benchmark of the error path is useless
        check(register, true);
        check(invite, false);
    }

    @Benchmark
    public void register(Blackhole bh) {
        registrarView(SipParser.parseDatagram(register, 0, register.length), bh);
    }

    @Benchmark
    public void invite(Blackhole bh) {
        registrarView(SipParser.parseDatagram(invite, 0, invite.length), bh);
    }

    @Benchmark
    public SipMessage registerParseOnly() {
        return SipParser.parseDatagram(register, 0, register.length);
    }

    /** What a registrar (and the transaction layer in front of it) reads from a request. */
    static void registrarView(SipMessage m, Blackhole bh) {
        bh.consume(m.topVia());
        bh.consume(m.from());
        bh.consume(m.to());
        bh.consume(m.callId());
        bh.consume(m.cseq());
        bh.consume(m.contacts());
        bh.consume(m.expires());
        bh.consume(m.authorization());
    }

    private static void check(byte[] bytes, boolean withAuthorization) {
        SipMessage m = SipParser.parseDatagram(bytes, 0, bytes.length);
        if (!m.isValid()) throw new IllegalStateException("benchmark message is invalid: " + m.invalidReason());
        if (m.topVia() == null || m.topVia().toString().isEmpty()) throw new IllegalStateException("no Via");
        if (m.contacts().size() != 1) throw new IllegalStateException("expected one Contact");
        if (withAuthorization && m.authorization() == null) throw new IllegalStateException("no Authorization");
        if (withAuthorization && m.expires() != 3600) throw new IllegalStateException("Expires not 3600");
    }

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }
}
