package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jpbx.app.Directories;
import org.jpbx.manage.ControlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real NAT, built from network namespaces: a SIPp phone in a private namespace registers
 * through a router namespace that masquerades (nftables) to the namespace where jpbx runs, and
 * its contact is rewritten to the NAT's outside address (rewrite_contact=yes); jpbx's qualify
 * reaches the phone back through the NAT's mapping.
 *
 * <pre>
 *   priv: 127.77.0.2/30 ── 127.77.0.1/30 :nat: 127.77.0.5/30 ── 127.77.0.6/30 :pub (jpbx)
 *                                       masquerade
 * </pre>
 *
 * Every address is in 127.0.0.0/8 ({@code route_localnet=1} lets them leave on the veths; the
 * namespaces' own loopback stays down so that 127/8 is not all local there); nothing else is
 * touched. The namespaces, and the veths with them, are removed afterwards. Skipped where network
 * namespaces, nftables or SIPp are not available.
 */
class NetnsNatWireTest {
    private static final String PHONE = "127.77.0.2", ROUTER_INSIDE = "127.77.0.1", ROUTER_OUTSIDE = "127.77.0.5", JPBX = "127.77.0.6";
    private static final int JPBX_PORT = 25070, PHONE_PORT = 25072;

    @TempDir
    static Path dir;
    static String priv, nat, pub, suffix;
    static Process jpbx;
    /** jpbx's log, for failure messages. */
    static final StringBuffer jpbxLog = new StringBuffer();

    @BeforeAll
    static void build() throws Exception {
        SippRunner.assumeInstalled();
        Assumptions.assumeTrue(commandWorks("nft", "--version"), "nftables (nft) is not installed");
        suffix = Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xefff));
        priv = "jnpriv" + suffix;
        nat = "jnnat" + suffix;
        pub = "jnpub" + suffix;
        Assumptions.assumeTrue(commandWorks("ip", "netns", "add", priv), "network namespaces are not permitted here (ip netns add)");
        sh("ip", "netns", "add", nat);
        sh("ip", "netns", "add", pub);
        String a = "jna" + suffix, b = "jnb" + suffix, c = "jnc" + suffix, d = "jnd" + suffix;
        sh("ip", "link", "add", a, "type", "veth", "peer", "name", b);
        sh("ip", "link", "set", a, "netns", priv);
        sh("ip", "link", "set", b, "netns", nat);
        sh("ip", "link", "add", c, "type", "veth", "peer", "name", d);
        sh("ip", "link", "set", c, "netns", nat);
        sh("ip", "link", "set", d, "netns", pub);
        for (String ns : List.of(priv, nat, pub)) {
            in(ns, "sysctl", "-qw", "net.ipv4.conf.all.route_localnet=1", "net.ipv4.conf.default.route_localnet=1",
                    "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0");
        }
        in(priv, "sysctl", "-qw", "net.ipv4.conf." + a + ".route_localnet=1");
        in(nat, "sysctl", "-qw", "net.ipv4.conf." + b + ".route_localnet=1", "net.ipv4.conf." + c + ".route_localnet=1", "net.ipv4.ip_forward=1");
        in(pub, "sysctl", "-qw", "net.ipv4.conf." + d + ".route_localnet=1");
        // scope global: addresses in 127/8 otherwise get host scope, and masquerade finds no source address
        address(priv, a, PHONE);
        address(nat, b, ROUTER_INSIDE);
        address(nat, c, ROUTER_OUTSIDE);
        address(pub, d, JPBX);
        in(priv, "ip", "route", "add", "default", "via", ROUTER_INSIDE);
        in(nat, "nft", "add", "table", "ip", "jpbxnat");
        in(nat, "nft", "add", "chain", "ip", "jpbxnat", "post", "{ type nat hook postrouting priority 100 ; }");
        in(nat, "nft", "add", "rule", "ip", "jpbxnat", "post", "oifname", c, "masquerade");

        Files.writeString(dir.resolve("pjsip.conf"), """
                [transport-udp]
                type=transport
                protocol=udp
                bind=%s:%d

                [natphone]
                type=endpoint
                context=default
                rewrite_contact=yes
                aors=natphone
                [natphone]
                type=aor
                max_contacts=1
                qualify_frequency=60
                """.formatted(JPBX, JPBX_PORT));
        jpbx = startJpbxIn(pub);
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (jpbx != null) {
                jpbx.destroy();
                if (!jpbx.waitFor(15, TimeUnit.SECONDS)) jpbx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            // removing a namespace removes the veth ends in it, and with them their peers
            for (String ns : new String[] {priv, nat, pub}) if (ns != null) commandWorks("ip", "netns", "del", ns);
            if (suffix != null) {
                commandWorks("ip", "link", "del", "jna" + suffix);
                commandWorks("ip", "link", "del", "jnc" + suffix);
            }
        }
    }

    @Test
    void aPhoneBehindAMasqueradingNatIsRegisteredAtTheNatsAddressAndQualifiedThroughIt() throws Exception {
        List<String> cmd = List.of("ip", "netns", "exec", priv, SippRunner.sippBinary(), JPBX + ":" + JPBX_PORT,
                "-sf", SippRunner.scenarioDir().resolve("register-through-nat.xml").toString(),
                "-oocsf", SippRunner.scenarioDir().resolve("register-through-nat-ooc.xml").toString(),
                "-t", "u1", "-i", PHONE, "-p", Integer.toString(PHONE_PORT), "-s", "natphone", "-m", "1",
                "-timeout", "40s", "-timeout_error", "-recv_timeout", "30000", "-nostdin",
                "-trace_err", "-error_file", "errors.log", "-trace_msg", "-message_file", "messages.log");
        Path work = Files.createTempDirectory(dir, "sipp-");
        Process sipp = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.log").toFile()).start();
        try {
            // while the phone waits, jpbx qualifies the rewritten contact: the OPTIONS must find the phone through the NAT
            String contacts = "";
            for (int i = 0; i < 80 && !contacts.contains("Avail"); i++) {
                Thread.sleep(100);
                contacts = rx("pjsip show contacts");
            }
            boolean done = sipp.waitFor(60, TimeUnit.SECONDS);
            String traffic = read(work.resolve("messages.log")) + read(work.resolve("errors.log")) + read(work.resolve("stdout.log"));
            assertThat(done && sipp.exitValue() == 0).as("SIPp registered through the NAT:\n" + traffic + "\njpbx:\n" + jpbxLog).isTrue();
            // the NAT's outside address, not the phone's own; the phone's address is kept only as x-ast-orig-host
            assertThat(contacts).as(traffic + "\njpbx:\n" + jpbxLog).contains("natphone/sip:natphone@" + ROUTER_OUTSIDE + ":").contains("Avail");
        } finally {
            sipp.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Process startJpbxIn(String ns) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String logback = Path.of(System.getProperty("jpbx.basedir", "."), "src/main/resources/logback.xml").toString();
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, javaBin, "-Dlogback.configurationFile=" + logback,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.jpbx.app.Main", "run", "--config-dir", dir.toString()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                    jpbxLog.append(l).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        long deadline = System.currentTimeMillis() + 60_000;
        StringBuilder seen = new StringBuilder();
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            String l = lines.poll(500, TimeUnit.MILLISECONDS);
            if (l == null) continue;
            seen.append(l).append('\n');
            if (l.contains("running for config dir")) return p;
        }
        p.destroyForcibly();
        throw new AssertionError("jpbx did not start in namespace " + ns + " within 60 s:\n" + seen);
    }

    private static String rx(String command) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ControlClient c = ControlClient.connect(Directories.resolve(dir, Map.of()).controlSocket())) {
            c.run(command, line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static void address(String ns, String dev, String addr) throws Exception {
        in(ns, "ip", "addr", "add", addr + "/30", "dev", dev, "scope", "global");
        in(ns, "ip", "link", "set", dev, "up");
    }

    private static void in(String ns, String... cmd) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(cmd));
        sh(full.toArray(String[]::new));
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        if (p.exitValue() != 0) throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
    }

    private static boolean commandWorks(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
