package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * protocol=flow: a jpbx with no listening socket at all registers to another jpbx over the one
 * outgoing TCP connection of its flow transport.
 */
class FlowTransportWireTest {
    @TempDir
    static Path dir;
    static TestServer registrar, client;

    @BeforeAll
    static void start() throws Exception {
        Path a = Files.createDirectories(dir.resolve("registrar"));
        Path b = Files.createDirectories(dir.resolve("client"));
        registrar = TestServer.startBare(a, """

                [flowuser]
                type=endpoint
                context=default
                aors=flowuser
                [flowuser]
                type=aor
                max_contacts=1
                remove_existing=yes
                """);
        client = TestServer.startRaw(b, """
                [flow-a]
                type=transport
                protocol=flow

                [reg-a]
                type=registration
                transport=flow-a
                server_uri=sip:127.0.0.1:%d;transport=tcp
                client_uri=sip:flowuser@127.0.0.1
                contact_user=flowuser
                expiration=60
                retry_interval=2
                max_random_initial_delay=1
                """.formatted(registrar.port), 0);
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (registrar != null) registrar.close();
    }

    @Test
    void aRegistrationOverAFlowReachesItsTargetOverTcp() throws Exception {
        String regs = "", contacts = "";
        for (int i = 0; i < 100 && !(regs.contains("Registered") && contacts.contains("flowuser/")); i++) {
            Thread.sleep(200);
            regs = client.cli("pjsip show registrations");
            contacts = registrar.cli("pjsip show contacts");
        }
        assertThat(regs).contains("reg-a").contains("Registered");
        // the Contact names the flow's own connection (a flow listens nowhere)
        assertThat(contacts).contains("flowuser/sip:flowuser@127.0.0.1:").doesNotContain("127.0.0.1:5060");
        // the flow listens nowhere: it is not among the sockets of the client
        assertThat(client.server.transports().bound()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("flow-a"));
    }
}
