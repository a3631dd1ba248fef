package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.TortureFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 message, sent byte-exact over UDP and over TCP to a real jpbx, gets the answer
 * the torture README gives (or none, for responses and for what cannot be answered), and jpbx
 * still answers OPTIONS afterwards.
 *
 * <p>The messages come from 127.0.0.1, which a type=identify maps to the endpoint "tester" (no
 * authentication), so they reach the modules. Where a valid request's method has no module yet
 * (MESSAGE), the expected answer is 501 with Allow, which is what Asterisk answers when no
 * module takes a method. Valid INVITEs reach the call layer, whose destination lookup comes before
 * any look at the body (reference §8.1): "tester"'s context has no extensions, so they get 404. REGISTERs reach the registrar, which answers 403 because "tester" has no
 * aors= (reference §3.1: that check comes first, so unksm2's non-SIP To gets 403, not 416).
 */
class Rfc4475WireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** file, expected status (0 = no answer). */
    static Stream<Arguments> expectations() {
        return Stream.of(
                // valid requests (§3.1.1); wsinv carries a To tag: a re-INVITE for a dialog that does not exist
                Arguments.of("wsinv", 481), Arguments.of("intmeth", 501), Arguments.of("esc01", 404),
                Arguments.of("escnull", 403), Arguments.of("esc02", 501), Arguments.of("lwsdisp", 200),
                Arguments.of("longreq", 404), Arguments.of("dblreq", 403), Arguments.of("semiuri", 200),
                Arguments.of("transports", 200), Arguments.of("mpart01", 501),
                // responses: dropped
                Arguments.of("unreason", 0), Arguments.of("noreason", 0), Arguments.of("bcast", 0),
                Arguments.of("scalarlg", 0), Arguments.of("bigcode", 0),
                // invalid requests (§3.1.2)
                Arguments.of("badinv01", 400), Arguments.of("ncl", 400), Arguments.of("scalar02", 400),
                Arguments.of("quotbal", 400), Arguments.of("ltgtruri", 400), Arguments.of("lwsruri", 400),
                Arguments.of("lwsstart", 400), Arguments.of("trws", 200), Arguments.of("escruri", 400),
                Arguments.of("baddate", 404), Arguments.of("regbadct", 400), Arguments.of("badaspec", 400),
                Arguments.of("badvers", 505), Arguments.of("mismatch01", 400), Arguments.of("mismatch02", 501),
                Arguments.of("multi01", 400), Arguments.of("mcl01", 400),
                // transaction layer, application layer, backward compatibility (§3.2–3.4)
                Arguments.of("badbranch", 200), Arguments.of("insuf", 400), Arguments.of("unkscm", 416),
                Arguments.of("novelsc", 416), Arguments.of("unksm2", 403), Arguments.of("bext01", 420),
                Arguments.of("invut", 404), Arguments.of("regaut01", 403), Arguments.of("zeromf", 200),
                Arguments.of("cparam01", 403), Arguments.of("cparam02", 403), Arguments.of("regescrt", 403),
                Arguments.of("sdp01", 404), Arguments.of("inv2543", 404));
    }

    @ParameterizedTest(name = "{0} over UDP -> {1}")
    @MethodSource("expectations")
    void overUdp(String file, int expected) throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read(file));
            SipResponse r = c.receive(expected == 0 ? 500 : 3000);
            checkAnswer(file, expected, r);
            if (file.equals("dblreq")) assertThat(c.receive(500)).as("the INVITE after the REGISTER is never parsed over UDP").isNull();
            assertOptionsStillAnswered(c, "UDP");
        }
    }

    @ParameterizedTest(name = "{0} over TCP -> {1}")
    @MethodSource("expectations")
    void overTcp(String file, int expected) throws Exception {
        if (List.of("clerr", "baddn").contains(file)) return; // need the end of the stream; see below
        try (SipClient c = SipClient.tcp(server.port)) {
            c.send(TortureFiles.read(file));
            SipResponse r = c.receive(expected == 0 ? 500 : 3000);
            checkAnswer(file, expected, r);
            if (file.equals("dblreq")) {
                // over a stream the bytes after the REGISTER are the next message: an INVITE (404: no extension)
                SipResponse second = c.receive(3000);
                assertThat(second).isNotNull();
                assertThat(second.cseq().method()).isEqualTo("INVITE");
            }
        }
        try (SipClient c = SipClient.tcp(server.port)) {
            assertOptionsStillAnswered(c, "TCP");
        }
    }

    @Test
    void clerrOverUdpIs400() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read("clerr"));
            checkAnswer("clerr", 400, c.receive(3000));
        }
    }

    @Test
    void baddnOverUdpIs400() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read("baddn"));
            checkAnswer("baddn", 400, c.receive(3000));
        }
    }

    @Test
    void clerrOverTcpWaitsForTheBodyThenAnswers400AtEndOfStream() throws Exception {
        try (SipClient.Tcp c = (SipClient.Tcp) SipClient.tcp(server.port)) {
            c.send(TortureFiles.read("clerr"));
            assertThat(c.receive(700)).as("Content-Length promises more: jpbx waits").isNull();
            c.shutdownOutput();
            checkAnswer("clerr", 400, c.receive(3000));
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void baddnOverTcpWithoutBlankLineIsAnswered400AtEndOfStream() throws Exception {
        try (SipClient.Tcp c = (SipClient.Tcp) SipClient.tcp(server.port)) {
            c.send(TortureFiles.read("baddn"));
            c.shutdownOutput();
            checkAnswer("baddn", 400, c.receive(3000));
        }
    }

    @Test
    void unframeableStreamIsAnsweredThenClosed() throws Exception {
        try (SipClient.Tcp c = (SipClient.Tcp) SipClient.tcp(server.port)) {
            c.send(TortureFiles.read("ncl"));
            checkAnswer("ncl", 400, c.receive(3000));
            assertThat(c.closedByServer(3000)).as("a negative Content-Length leaves the stream unframeable").isTrue();
        }
    }

    @Test
    void bext01ListsTheRequireTagsInUnsupported() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read("bext01"));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(420);
            assertThat(r.tokens("Unsupported")).containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
        }
    }

    @Test
    void unknownMethodAnswerCarriesAllow() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read("intmeth"));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(501);
            assertThat(r.tokens("Allow")).contains("OPTIONS");
        }
    }

    @Test
    void malformedRequestIsExplainedInAWarning() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(TortureFiles.read("scalar02"));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Warning")).startsWith("399 jpbx \"").contains("CSeq");
        }
    }

    private static void checkAnswer(String file, int expected, SipResponse r) {
        if (expected == 0) {
            assertThat(r).as(file + " must not be answered").isNull();
        } else {
            assertThat(r).as(file + " must be answered " + expected).isNotNull();
            assertThat(r.status()).as(file + (r.header("Warning") != null ? " (" + r.header("Warning") + ")" : "")).isEqualTo(expected);
        }
    }

    private static void assertOptionsStillAnswered(SipClient c, String transport) throws Exception {
        String callId = "after-" + System.nanoTime();
        c.send(SipClient.options(callId, "z9hG4bK" + callId, 1, transport));
        SipResponse r;
        do {
            r = c.receive(3000);
        } while (r != null && !callId.equals(r.callId()));
        assertThat(r).as("OPTIONS answered afterwards").isNotNull();
        assertThat(r.status()).isEqualTo(200);
    }
}
