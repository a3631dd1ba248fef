package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTIONS answered by a real server, checked on the wire with SIPp (scenarios in
 * {@code src/test/sipp/}). The server runs in this JVM with UDP and TCP transports on one free
 * loopback port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SippOptionsTest {
    @TempDir
    static Path tmp;

    static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        // without SIPp each test is skipped (or, under CI, this fails) and no server is needed
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        server = TestServer.start(Files.createDirectories(tmp.resolve("etc")), "");
    }

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static SippRunner sipp(String scenario) {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).calls(1);
    }

    @Test
    void optionsOverUdpIsAnswered200WithAllowAcceptSupported() throws Exception {
        SippRunner.Result r = sipp("options.xml").transport("u1").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void optionsOverTcpIsAnswered200WithAllowAcceptSupported() throws Exception {
        SippRunner.Result r = sipp("options.xml").transport("t1").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void retransmittedOptionsIsAnsweredIdenticallyFromTheTransaction() throws Exception {
        // -nr: SIPp must not treat the identical second 200 as a retransmission of the first
        SippRunner.Result r = sipp("options-retransmit.xml").transport("u1").args("-nr").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.messages()).as("the second OPTIONS went out and its 200 came back")
                .containsPattern("(?s)200 OK.*200 OK");
    }
}
