package org.jpbx.phoneprov;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.ConfigLoader;
import org.jpbx.pjsip.LoadedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines and devices from pjsip phoneprov objects (written and wizard-made), their variables and the routes. */
class ProvisioningTest {
    @TempDir
    Path dir;

    static final String PJSIP = """
            [udp]
            type=transport
            protocol=udp
            bind=127.0.0.1:5070

            [1000]
            type=endpoint
            transport=udp
            auth=1000-auth
            callerid=Front Desk <1000>
            [1000-auth]
            type=auth
            username=desk1000
            password=pw1000

            [1000-pp]
            type=phoneprov
            endpoint=1000
            MAC=0004f2aabbcc
            PROFILE=polycom
            TIMEZONE=America/New_York
            LINEKEYS=2
            MYVAR=anything

            [1000-pp-2]
            type=phoneprov
            MAC=0004f2aabbcc
            PROFILE=polycom
            LINE=2

            [1000-pp-dup]
            type=phoneprov
            MAC=0004f2aabbcc
            PROFILE=polycom
            LINE=2

            [notransport]
            type=endpoint
            [nt-pp]
            type=phoneprov
            endpoint=notransport
            MAC=00aabbccddee
            PROFILE=polycom

            [upper-pp]
            type=phoneprov
            MAC=00:04:F2:11:22:33
            PROFILE=polycom

            [noprofile-pp]
            type=phoneprov
            MAC=000000000001
            PROFILE=cisco

            [noauth]
            type=endpoint
            transport=udp
            auth=missing-auth
            [noauth-pp]
            type=phoneprov
            endpoint=noauth
            MAC=000000000002
            PROFILE=polycom
            LABEL=
            """;

    static final String WIZARD = """
            [2001]
            type=wizard
            transport=udp
            accepts_auth=yes
            accepts_registrations=yes
            inbound_auth/username=2001
            inbound_auth/password=pw2001
            endpoint/callerid=Bob <2001>
            has_phoneprov=yes
            phoneprov/MAC=805ec0a1b2c3
            phoneprov/PROFILE=yealink
            """;

    static final String PHONEPROV = """
            [general]
            default_profile=polycom

            [polycom]
            staticdir=configs/
            static_file=bootrom.ld
            ${TOLOWER(${MAC})}.cfg => tpl.cfg
            setvar=GREETING=hello ${USERNAME}
            setvar=MYVAR=from-profile

            [yealink]
            ${MAC}.cfg => tpl.cfg
            """;

    private Provisioning build(Diagnostics diag) throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), PJSIP);
        Files.writeString(dir.resolve("pjsip_wizard.conf"), WIZARD);
        Files.writeString(dir.resolve("phoneprov.conf"), PHONEPROV);
        Files.createDirectories(dir.resolve("phoneprov/configs"));
        Files.writeString(dir.resolve("phoneprov/tpl.cfg"), "x");
        Files.writeString(dir.resolve("phoneprov/configs/bootrom.ld"), "x");
        LoadedConfig loaded = ConfigLoader.load(dir);
        PhoneprovConf conf = PhoneprovConf.load(dir, diag);
        return Provisioning.build(conf, loaded.pjsip(), dir.resolve("phoneprov"), Instant.parse("2026-06-01T12:00:00Z"), diag);
    }

    @Test
    void variablesOfALineWithAnEndpoint() throws Exception {
        Provisioning p = build(new Diagnostics());
        Device d = p.device("0004f2aabbcc");
        assertThat(d.lines()).extracting(Line::id).containsExactly("1000-pp", "1000-pp-2");
        Map<String, String> v = d.first().vars();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("endpoint", "1000");
        expected.put("MAC", "0004f2aabbcc");
        expected.put("PROFILE", "polycom");
        expected.put("TIMEZONE", "America/New_York");
        expected.put("LINEKEYS", "2");
        expected.put("MYVAR", "anything");              // the line's own value wins over setvar
        expected.put("ENDPOINT_ID", "1000");
        expected.put("TRANSPORT_ID", "udp");
        expected.put("CALLERID", "1000");
        expected.put("DISPLAY_NAME", "Front Desk");
        expected.put("AUTH_ID", "1000-auth");
        expected.put("USERNAME", "desk1000");
        expected.put("SECRET", "pw1000");
        expected.put("SERVER_PORT", "5070");            // the transport's port
        expected.put("LABEL", "1000-pp");
        expected.put("LINE", "1");
        expected.put("GREETING", "hello desk1000");     // setvar, substituted with the line's variables
        expected.put("TZOFFSET", "-18000");
        expected.put("DST_ENABLE", "1");
        expected.put("DST_START_MONTH", "3");
        expected.put("DST_START_MDAY", "8");
        expected.put("DST_START_HOUR", "3");              // wall clock right after the change, as Asterisk
        expected.put("DST_END_MONTH", "11");
        expected.put("DST_END_MDAY", "1");
        expected.put("DST_END_HOUR", "1");
        assertThat(v).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aLineWithoutEndpointGetsTheDefaults() throws Exception {
        Map<String, String> v = build(new Diagnostics()).device("0004f2aabbcc").lines().get(1).vars();
        assertThat(v).containsEntry("USERNAME", "1000-pp-2").containsEntry("LABEL", "1000-pp-2").containsEntry("SERVER_PORT", "5060")
                .containsEntry("LINE", "2").containsEntry("LINEKEYS", "1").doesNotContainKey("SECRET").doesNotContainKey("SERVER")
                .containsKey("TZOFFSET"); // the server's zone when the line names none, as Asterisk
    }

    @Test
    void wizardUser() throws Exception {
        Device d = build(new Diagnostics()).device("805ec0a1b2c3");
        assertThat(d.profile().name()).isEqualTo("yealink");
        assertThat(d.first().vars()).containsEntry("LABEL", "2001-phoneprov").containsEntry("USERNAME", "2001")
                .containsEntry("SECRET", "pw2001").containsEntry("AUTH_ID", "2001-iauth").containsEntry("DISPLAY_NAME", "Bob")
                .containsEntry("CALLERID", "2001").containsEntry("SERVER_PORT", "5070");
    }

    @Test
    void routesAndDiagnostics() throws Exception {
        Diagnostics diag = new Diagnostics();
        Provisioning p = build(diag);
        assertThat(p.routes().keySet()).containsExactly("bootrom.ld", "0004f2aabbcc.cfg", "805ec0a1b2c3.cfg", "00:04:f2:11:22:33.cfg");
        assertThat(p.devices()).extracting(Device::mac).doesNotContain("00aabbccddee", "000000000001");
        assertThat(diag.all()).extracting(Diagnostic::toString).contains(
                "pjsip.conf:41: warning: phoneprov nt-pp: endpoint notransport has no explicit transport, so the phone could not be"
                        + " told where to register; it is not provisioned (set transport= on the endpoint, or transport= in its"
                        + " wizard section)",
                "pjsip.conf:47: warning: phoneprov upper-pp: MAC=00:04:F2:11:22:33 has upper-case letters and separators; it is"
                        + " used exactly as written (as Asterisk does), so routes built from ${MAC} keep them, while phones ask for"
                        + " lower-case names without separators: write MAC=0004f2112233 (or use ${TOLOWER(${MAC})} in the profile)",
                "pjsip.conf:33: warning: phoneprov 1000-pp-dup: MAC 0004f2aabbcc already has line 2 (1000-pp-2); this line is"
                        + " skipped (give each line of a phone its own LINE=)");
        assertThat(diag.all()).extracting(Diagnostic::toString)
                .anyMatch(m -> m.contains("phoneprov noprofile-pp: Could not look up profile 'cisco' - skipping."))
                .anyMatch(m -> m.contains("phoneprov noauth-pp contained invalid auth missing-auth (the first auth of endpoint noauth):"
                        + " it is not provisioned"));
        assertThat(p.devices()).extracting(Device::mac).doesNotContain("000000000002");
        assertThat(diag.errors()).isEmpty();
    }

    @Test
    void serverFromPhoneprovConf() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), "[a]\ntype=phoneprov\nMAC=001122334455\nPROFILE=p\n"
                + "[b]\ntype=phoneprov\nMAC=001122334466\nPROFILE=p\nSERVER=192.0.2.99\n");
        LoadedConfig loaded = ConfigLoader.load(dir);
        Diagnostics diag = new Diagnostics();
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\nserveriface=lo\n[p]\n");
        Provisioning byIface = Provisioning.build(PhoneprovConf.load(dir, diag), loaded.pjsip(), dir, Instant.now(), diag);
        assertThat(byIface.device("001122334455").first().vars()).containsEntry("SERVER", "127.0.0.1").containsEntry("SERVER_IFACE", "lo");
        assertThat(byIface.device("001122334466").first().vars()).as("the line's own wins").containsEntry("SERVER", "192.0.2.99");
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\nserveraddr=192.0.2.10\n[p]\n");
        Provisioning byAddr = Provisioning.build(PhoneprovConf.load(dir, diag), loaded.pjsip(), dir, Instant.now(), diag);
        assertThat(Provisioning.withServer(byAddr.device("001122334455").first().vars(), "127.0.0.1"))
                .as("serveraddr wins over the request's address").containsEntry("SERVER", "192.0.2.10");
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\n");
        Provisioning none = Provisioning.build(PhoneprovConf.load(dir, diag), loaded.pjsip(), dir, Instant.now(), diag);
        assertThat(none.device("001122334455").first().vars()).doesNotContainKey("SERVER");
        assertThat(Provisioning.withServer(none.device("001122334455").first().vars(), "127.0.0.5")).containsEntry("SERVER", "127.0.0.5");
        assertThat(diag.all()).isEmpty();
    }

    @Test
    void provisioningFunctions() throws Exception {
        Provisioning p = build(new Diagnostics());
        Substitution sub = new Substitution(new PhoneprovFunctions(p, "127.0.0.1"));
        assertThat(sub.apply("${PP_EACH_USER(%{LABEL};|0004F2AABBCC)}", Map.of())).as("the MAC left out ignores case")
                .isEqualTo("2001-phoneprov;upper-pp;");
        assertThat(sub.apply("${PP_EACH_USER([%{USERNAME}@%{SERVER}],805ec0a1b2c3)}", Map.of())).as("',' separates too")
                .isEqualTo("[desk1000@127.0.0.1][upper-pp@127.0.0.1]");
        Files.writeString(dir.resolve("phoneprov/line.tpl"), "<${LINE}:${USERNAME}>");
        assertThat(sub.apply("${PP_EACH_EXTENSION(0004f2aabbcc,line.tpl)}", Map.of())).isEqualTo("<1:desk1000><2:1000-pp-2>");
        assertThat(sub.apply("${PP_EACH_EXTENSION(0004F2AABBCC,line.tpl)}", Map.of())).as("the MAC must match exactly").isEmpty();
        assertThat(sub.apply("${PP_EACH_EXTENSION(0004f2aabbcc,../pjsip.conf)}", Map.of())).as("no template outside").isEmpty();
        assertThat(sub.problems()).anyMatch(m -> m.contains("no phone has MAC 0004F2AABBCC"))
                .anyMatch(m -> m.contains("cannot read ../pjsip.conf"));
    }

    @Test
    void noPhoneprovConf() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), PJSIP);
        Diagnostics diag = new Diagnostics();
        LoadedConfig loaded = ConfigLoader.load(dir);
        Provisioning p = Provisioning.build(PhoneprovConf.load(dir, diag), loaded.pjsip(), dir, Instant.now(), diag);
        assertThat(p.routes()).isEmpty();
        assertThat(diag.warnings()).extracting(Object::toString).anyMatch(m -> m.contains("but no phoneprov.conf: no phone is provisioned"));
    }
}
