package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jpbx as a TLS client: outbound registrations over TLS to another jpbx, with verify_server=yes
 * against ca_list_file. A server whose certificate the CA list does not hold is not registered to.
 */
class OutboundTlsWireTest {
    @TempDir
    static Path dir;
    static TestServer registrar, client;

    @BeforeAll
    static void start() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        TestCerts.Cert server = TestCerts.make(certs, "server", "registrar", null);
        TestCerts.Cert own = TestCerts.make(certs, "own", "client", null);
        TestCerts.Cert stranger = TestCerts.make(certs, "stranger", "someone-else", null);
        int registrarTls = TestServer.freePort();
        registrar = TestServer.startBare(Files.createDirectories(dir.resolve("registrar")), """

                [registrar-tls]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s

                [tlsuser1]
                type=endpoint
                context=default
                aors=tlsuser1
                [tlsuser1]
                type=aor
                max_contacts=1
                remove_existing=yes

                [tlsuser2]
                type=endpoint
                context=default
                aors=tlsuser2
                [tlsuser2]
                type=aor
                max_contacts=1
                remove_existing=yes
                """.formatted(registrarTls, server.cert(), server.key()));
        int trusting = TestServer.freePort(), distrusting = TestServer.freePort();
        client = TestServer.startRaw(Files.createDirectories(dir.resolve("client")), """
                [tls-trusting]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s
                verify_server=yes
                ca_list_file=%s

                [tls-distrusting]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s
                verify_server=yes
                ca_list_file=%s

                [reg-good]
                type=registration
                transport=tls-trusting
                server_uri=sip:127.0.0.1:%d;transport=tls
                client_uri=sip:tlsuser1@127.0.0.1
                contact_user=tlsuser1
                retry_interval=2
                max_random_initial_delay=1

                [reg-bad]
                type=registration
                transport=tls-distrusting
                server_uri=sip:127.0.0.1:%d;transport=tls
                client_uri=sip:tlsuser2@127.0.0.1
                contact_user=tlsuser2
                retry_interval=2
                max_random_initial_delay=1
                """.formatted(trusting, own.cert(), own.key(), server.cert(),
                distrusting, own.cert(), own.key(), stranger.cert(), registrarTls, registrarTls), 0);
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (registrar != null) registrar.close();
    }

    @Test
    void registersOverTlsOnlyToAServerItCanVerify() throws Exception {
        String contacts = "";
        for (int i = 0; i < 100 && !contacts.contains("tlsuser1/"); i++) {
            Thread.sleep(200);
            contacts = registrar.cli("pjsip show contacts");
        }
        assertThat(contacts).contains("tlsuser1/sip:tlsuser1@127.0.0.1:");
        // the other registration had the same time and more (its retries): its server was not trusted
        for (int i = 0; i < 15; i++) {
            Thread.sleep(200);
            contacts = registrar.cli("pjsip show contacts");
        }
        assertThat(contacts).doesNotContain("tlsuser2/");
        String regs = client.cli("pjsip show registrations");
        assertThat(regs).contains("reg-good").contains("Registered");
        assertThat(regs.lines().filter(l -> l.contains("reg-bad"))).noneMatch(l -> l.contains("Registered"));
    }
}
