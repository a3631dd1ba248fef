package org.jpbx.phoneprov;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phoneprov.conf: [general], profiles, MIME types, file names kept inside the phoneprov directory. */
class PhoneprovConfTest {
    @TempDir
    Path dir;
    private final Diagnostics diag = new Diagnostics();

    private PhoneprovConf parse(String text) {
        return PhoneprovConf.from(ConfParser.parseString(dir, text, "phoneprov.conf", diag), dir.resolve("phoneprov"), diag);
    }

    @Test
    void generalAndProfiles() throws Exception {
        Files.createDirectories(dir.resolve("phoneprov/configs"));
        for (String f : new String[] {"configs/bootrom.ld", "configs/logo.png", "configs/site.cfg", "tpl.cfg", "dir.xml", "x.txt"}) {
            Files.writeString(dir.resolve("phoneprov").resolve(f), "x");
        }
        PhoneprovConf c = parse("""
                [general]
                serveraddr=192.0.2.10
                serverport=5070
                default_profile=polycom

                [polycom]
                staticdir=configs/
                mime_type=text/xml
                setvar=CUSTOM=${MAC}-x
                static_file=bootrom.ld,application/octet-stream
                static_file=logo.png
                static_file=site.cfg
                ${TOLOWER(${MAC})}.cfg => tpl.cfg
                ${MAC}-directory.xml => dir.xml
                ${MAC}.txt => x.txt,text/x-custom

                [bare]
                ${MAC}.cfg => tpl.cfg
                """);
        assertThat(diag.all()).isEmpty();
        assertThat(c.usable()).isTrue();
        assertThat(c.serverAddr()).isEqualTo("192.0.2.10");
        assertThat(c.serverPort()).isEqualTo("5070");
        assertThat(c.defaultProfile()).isEqualTo("polycom");
        Profile p = c.profiles().get("polycom");
        assertThat(p.staticFiles()).extracting(f -> f.route() + " " + f.file() + " " + f.mimeType()).containsExactly(
                "bootrom.ld configs/bootrom.ld application/octet-stream",  // from the line
                "logo.png configs/logo.png image/png",                      // from the extension
                "site.cfg configs/site.cfg text/xml");                       // .cfg is not in the table: the profile's
        assertThat(p.dynamicFiles()).extracting(f -> f.route() + " => " + f.file() + " " + f.mimeType()).containsExactly(
                "${TOLOWER(${MAC})}.cfg => tpl.cfg text/xml",
                "${MAC}-directory.xml => dir.xml text/xml",
                "${MAC}.txt => x.txt text/x-custom");
        assertThat(p.setVars()).containsExactly(new Profile.SetVar("CUSTOM", "${MAC}-x"));
        assertThat(c.profiles().get("bare").dynamicFiles().get(0).mimeType()).as("nothing says: text/plain").isEqualTo("text/plain");
    }

    @Test
    void defaultProfileIsRequired() {
        PhoneprovConf c = parse("[general]\nserveraddr=192.0.2.1\n[polycom]\n");
        assertThat(c.usable()).isFalse();
        assertThat(diag.errors()).singleElement().asString().startsWith("phoneprov.conf:1: error:").contains("default_profile");
        Diagnostics d2 = new Diagnostics();
        PhoneprovConf c2 = PhoneprovConf.from(ConfParser.parseString(dir, "[general]\ndefault_profile=nope\n[polycom]\n",
                "phoneprov.conf", d2), dir, d2);
        assertThat(c2.usable()).isFalse();
        assertThat(d2.errors()).singleElement().asString().contains("phoneprov.conf:2: error: default_profile=nope: there is no profile [nope]");
    }

    @Test
    void filesOutsideThePhoneprovDirectoryAreRefused() {
        PhoneprovConf c = parse("""
                [general]
                default_profile=p
                [p]
                staticdir=../
                static_file=../../pjsip.conf
                static_file=/etc/passwd
                ${MAC}.cfg => ../pjsip.conf
                ${MAC}.xml => sub/../../x
                """);
        Profile p = c.profiles().get("p");
        assertThat(p.staticDir()).isEmpty();
        assertThat(p.staticFiles()).isEmpty();
        assertThat(p.dynamicFiles()).isEmpty();
        assertThat(diag.warnings()).extracting(Object::toString).containsExactly(
                "phoneprov.conf:4: warning: staticdir=../ leaves the phoneprov directory; ignored",
                "phoneprov.conf:5: warning: static_file=../../pjsip.conf: the file must be a name below the phoneprov directory; ignored",
                "phoneprov.conf:6: warning: static_file=/etc/passwd: the file must be a name below the phoneprov directory; ignored",
                "phoneprov.conf:7: warning: ${MAC}.cfg => ../pjsip.conf: the template must be a file below the phoneprov directory; ignored",
                "phoneprov.conf:8: warning: ${MAC}.xml => sub/../../x: the template must be a file below the phoneprov directory; ignored");
    }

    @Test
    void missingFilesAndUnknownOptionsAreWarnedAbout() {
        parse("[general]\ndefault_profile=p\ncolour=red\n[p]\n${MAC}.cfg => nothere.cfg\n");
        assertThat(diag.warnings()).extracting(Object::toString).containsExactly(
                "phoneprov.conf:3: warning: unknown option 'colour' in phoneprov.conf [general]; ignored",
                "phoneprov.conf:5: warning: 'nothere.cfg' is not a file in " + dir.resolve("phoneprov")
                        + " (requests for it will get 500)");
    }
}
