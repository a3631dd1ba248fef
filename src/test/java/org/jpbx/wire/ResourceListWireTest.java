package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jpbx.sip.message.MultipartBody;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Resource lists (RFC 4662, reference §6.6) against a real server: a watcher at 127.0.0.41
 * subscribes with {@code Supported: eventlist} to lists of hints (two endpoints that register, a
 * nested list, members that do not exist) and the test takes every NOTIFY apart: the
 * multipart/related body, the RLMI document of each level, every resource, its instance state and
 * the body part its cid points at.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ResourceListWireTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    static final String WATCHER_IP = "127.0.0.41";
    static final String PHONE_7001_IP = "127.0.0.42";
    static final String PHONE_7002_IP = "127.0.0.43";
    static final String RLMI_NS = "urn:ietf:params:xml:ns:rlmi";

    static final String PJSIP = """

            [watcher]
            type=endpoint
            context=internal
            subscribe_context=blf
            [watcher-by-ip]
            type=identify
            endpoint=watcher
            match=%s

            [7001]
            type=endpoint
            context=internal
            aors=7001
            [7001]
            type=aor
            max_contacts=1

            [7002]
            type=endpoint
            context=internal
            aors=7002
            [7002]
            type=aor
            max_contacts=1

            [sales]
            type=resource_list
            event=presence
            list_item=7001,7002,support,7999
            resource_display_name=yes

            [support]
            type=resource_list
            event=presence
            list_item=7003,7998,7001,sales

            [desk]
            type=resource_list
            event=dialog
            list_item=7002,7003

            [batched]
            type=resource_list
            event=presence
            list_item=7100,7101,7102
            notification_batch_interval=4000

            [whole]
            type=resource_list
            event=presence
            list_item=7100,7101
            full_state=yes

            [growing]
            type=resource_list
            event=presence
            list_item=7100

            [broken]
            type=resource_list
            event=presence
            list_item=7998,7999
            """.formatted(WATCHER_IP);

    static final String EXTENSIONS = """
            [internal]
            exten => 7000,1,NoOp()

            [blf]
            exten => 7001,hint,PJSIP/7001,Alice
            exten => 7002,hint,PJSIP/7002
            exten => 7003,hint,Custom:s7003
            exten => 7100,hint,Custom:b7100
            exten => 7101,hint,Custom:b7101
            exten => 7102,hint,Custom:b7102
            """;

    @BeforeAll
    static void start() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), EXTENSIONS);
        server = TestServer.start(etc, PJSIP);
        for (String d : List.of("s7003", "b7100", "b7101", "b7102")) assertThat(server.cli("devstate change Custom:" + d + " NOT_INUSE"))
                .contains("Changing Custom:" + d + " to NOT_INUSE");
        server.server.deviceStates().flush();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void aListOfTwoEndpointsAndANestedListFollowsRegistrationsAndStateChanges() throws Exception {
        String listUri = "sip:sales@127.0.0.1:" + server.port;
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse ok = w.subscribe("sales", "presence", "application/pidf+xml, application/rlmi+xml, multipart/related", 600,
                    "Supported: eventlist");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Require")).isEqualTo("eventlist");

            // the first NOTIFY: full state of every member that resolved (7999 and 7998 have no hint)
            SipRequest first = w.nextNotify(10);
            assertThat(first).as("the full-state NOTIFY after the 200").isNotNull();
            assertThat(first.header("Require")).isEqualTo("eventlist");
            assertThat(first.header("Event")).isEqualTo("presence");
            assertThat(first.header("Subscription-State")).matches("active;expires=(600|599)");
            ListDoc doc = ListDoc.of(first);
            assertThat(doc.uri).isEqualTo(listUri);
            assertThat(doc.name).isEqualTo("sales");
            assertThat(doc.version).isZero();
            assertThat(doc.fullState).isTrue();
            assertThat(doc.names()).containsExactly("Alice", "7002", "support");
            Res alice = doc.resource("sip:7001@127.0.0.1:" + server.port);
            assertThat(alice.name).as("resource_display_name=yes: the hint's name").isEqualTo("Alice");
            assertThat(alice.state).isEqualTo("active");
            assertThat(alice.part.contentType()).isEqualTo("application/pidf+xml");
            assertThat(basic(alice.text())).as("7001 is not registered").isEqualTo("closed");
            assertThat(alice.text()).contains("entity=\"sip:7001@127.0.0.1:" + server.port + "\"");
            assertThat(basic(doc.resource("sip:7002@127.0.0.1:" + server.port).text())).isEqualTo("closed");
            Res support = doc.resource("sip:support@127.0.0.1:" + server.port);
            assertThat(support.part.contentType()).startsWith("multipart/related").contains("type=\"application/rlmi+xml\"");
            ListDoc nested = support.nested();
            assertThat(nested.uri).isEqualTo("sip:support@127.0.0.1:" + server.port);
            assertThat(nested.version).isZero();
            assertThat(nested.fullState).isTrue();
            assertThat(nested.names()).as("7998 has no hint; 7001 and sales (a loop) are already in the tree").containsExactly("7003");
            assertThat(note(nested.resource("sip:7003@127.0.0.1:" + server.port).text())).isEqualTo("Ready");

            String show = server.cli("pjsip show resource_lists");
            assertThat(show).containsPattern("ResourceList:\\s+sales\\s+presence\\s+1\\n")
                    .containsPattern("Item:\\s+support\\s+resource_list").containsPattern("Item:\\s+7001\\s+hint")
                    .containsPattern("ResourceList:\\s+broken\\s+presence\\s+0\\n").contains("Objects found: 7");
            assertThat(server.cli("pjsip show resource_list sales")).containsPattern("full_state\\s+: false")
                    .containsPattern("list_item\\s+: 7001,7002,support,7999").doesNotContain("ResourceList:  batched");

            // 7001 registers: a partial NOTIFY with 7001 only (full_state=no)
            try (SipClient phone = SipClient.udpFrom(PHONE_7001_IP, server.port)) {
                phone.send(register(phone, "7001", PHONE_7001_IP, 300));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
                SipRequest registered = w.nextNotify(15);
                assertThat(registered).as("a NOTIFY once 7001 registers").isNotNull();
                ListDoc partial = ListDoc.of(registered);
                assertThat(partial.fullState).isFalse();
                assertThat(partial.version).isEqualTo(1);
                assertThat(partial.names()).containsExactly("Alice");
                assertThat(basic(partial.resource("sip:7001@127.0.0.1:" + server.port).text())).isEqualTo("open");
                assertThat(alice.instanceId).as("the instance id stays").isEqualTo(partial.resource("sip:7001@127.0.0.1:" + server.port).instanceId);

                // the nested member changes: the partial NOTIFY carries the nested list with that member only
                server.cli("devstate change Custom:s7003 INUSE");
                ListDoc inner = ListDoc.of(w.nextNotify(15));
                assertThat(inner.fullState).isFalse();
                assertThat(inner.version).isEqualTo(2);
                assertThat(inner.names()).containsExactly("support");
                ListDoc innerNested = inner.resource("sip:support@127.0.0.1:" + server.port).nested();
                assertThat(innerNested.fullState).isFalse();
                assertThat(innerNested.version).isEqualTo(1);
                assertThat(note(innerNested.resource("sip:7003@127.0.0.1:" + server.port).text())).isEqualTo("On the phone");

                // a refresh: the full state again, versions continuing
                assertThat(w.refresh("presence", 300).status()).isEqualTo(200);
                SipRequest refreshedNotify = w.nextNotify(10);
                assertThat(refreshedNotify.header("Require")).isEqualTo("eventlist");
                ListDoc refreshed = ListDoc.of(refreshedNotify);
                assertThat(refreshed.fullState).isTrue();
                assertThat(refreshed.version).isEqualTo(3);
                assertThat(refreshed.names()).containsExactly("Alice", "7002", "support");
                assertThat(basic(refreshed.resource("sip:7001@127.0.0.1:" + server.port).text())).isEqualTo("open");
                assertThat(basic(refreshed.resource("sip:7002@127.0.0.1:" + server.port).text())).isEqualTo("closed");
                ListDoc refreshedNested = refreshed.resource("sip:support@127.0.0.1:" + server.port).nested();
                assertThat(refreshedNested.fullState).isTrue();
                assertThat(note(refreshedNested.resource("sip:7003@127.0.0.1:" + server.port).text())).isEqualTo("On the phone");

                phone.send(register(phone, "7001", PHONE_7001_IP, 0));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
                ListDoc unregistered = ListDoc.of(w.nextNotify(15));
                assertThat(basic(unregistered.resource("sip:7001@127.0.0.1:" + server.port).text())).isEqualTo("closed");
            } finally {
                server.cli("devstate change Custom:s7003 NOT_INUSE");
            }

            // un-SUBSCRIBE: terminated, the full state with every instance terminated
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
            SipRequest last = w.notifyUntil(n -> "terminated".equals(n.header("Subscription-State")), 10);
            assertThat(last).isNotNull();
            ListDoc end = ListDoc.of(last);
            assertThat(end.fullState).isTrue();
            assertThat(end.resources).extracting(r -> r.state).containsOnly("terminated");
            assertThat(end.names()).containsExactly("Alice", "7002", "support");
        }
        assertThat(server.cli("pjsip show resource_lists")).containsPattern("ResourceList:\\s+sales\\s+presence\\s+0\\n");
    }

    @Test
    void aSippWatcherSubscribesToAListAndUnsubscribes() throws Exception {
        SippRunner.assumeInstalled();
        SippRunner.Result r = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("subscribe-rls.xml").transport("u1")
                .localIp(WATCHER_IP).calls(1).service("sales").timeout(java.time.Duration.ofSeconds(30)).run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void aDialogListCarriesDialogInfoPerMember() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse ok = w.subscribe("desk", "dialog", null, 600, "Supported: eventlist");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Require")).isEqualTo("eventlist");
            ListDoc first = ListDoc.of(w.nextNotify(10));
            assertThat(first.names()).containsExactly("7002", "7003");
            Res r7003 = first.resource("sip:7003@127.0.0.1:" + server.port);
            assertThat(r7003.part.contentType()).isEqualTo("application/dialog-info+xml");
            assertThat(dialogState(r7003.text())).isEqualTo("terminated");
            assertThat(r7003.text()).contains("version=\"0\"").contains("entity=\"sip:7003@127.0.0.1:" + server.port + "\"");

            try (SipClient phone = SipClient.udpFrom(PHONE_7002_IP, server.port)) {
                server.cli("devstate change Custom:s7003 RINGING");
                ListDoc ringing = ListDoc.of(w.nextNotify(15));
                assertThat(ringing.names()).containsExactly("7003");
                Res rang = ringing.resource("sip:7003@127.0.0.1:" + server.port);
                assertThat(dialogState(rang.text())).isEqualTo("early");
                assertThat(rang.text()).as("each member counts its own dialog-info versions").contains("version=\"1\"");

                phone.send(register(phone, "7002", PHONE_7002_IP, 300));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
                server.cli("devstate change Custom:s7003 INUSE");
                // the two changes may come in one NOTIFY or two; 7003 ends confirmed
                SipRequest confirmed = w.notifyUntil(n -> {
                    Res r = ListDoc.of(n).find("sip:7003@127.0.0.1:" + server.port);
                    return r != null && "confirmed".equals(dialogState(r.text()));
                }, 15);
                assertThat(confirmed).as("7003 confirmed").isNotNull();
                phone.send(register(phone, "7002", PHONE_7002_IP, 0));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
            } finally {
                server.cli("devstate change Custom:s7003 NOT_INUSE");
            }
            assertThat(w.refresh("dialog", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void changesWithinTheBatchIntervalGoOutInOneNotify() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("batched", "presence", null, 600, "Supported: eventlist").status()).isEqualTo(200);
            ListDoc first = ListDoc.of(w.nextNotify(10));
            assertThat(first.names()).containsExactly("7100", "7101", "7102");
            try {
                // two changes well inside the 4 s interval
                server.cli("devstate change Custom:b7100 INUSE");
                server.cli("devstate change Custom:b7101 INUSE");
                SipRequest batched = w.nextNotify(20);
                assertThat(batched).as("one NOTIFY for the batch").isNotNull();
                ListDoc doc = ListDoc.of(batched);
                assertThat(doc.fullState).isFalse();
                assertThat(doc.version).isEqualTo(1);
                assertThat(doc.names()).as("both changes in one NOTIFY, the unchanged member left out").containsExactly("7100", "7101");
                for (Res r : doc.resources) assertThat(note(r.text())).isEqualTo("On the phone");
                assertThat(w.nextNotify(6)).as("no second NOTIFY for the same batch").isNull();
            } finally {
                server.cli("devstate change Custom:b7100 NOT_INUSE");
                server.cli("devstate change Custom:b7101 NOT_INUSE");
            }
            SipRequest back = w.nextNotify(20);
            assertThat(ListDoc.of(back).names()).containsExactly("7100", "7101");
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void fullStateYesSendsEveryMemberEachTime() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("whole", "presence", null, 600, "Supported: eventlist").status()).isEqualTo(200);
            ListDoc first = ListDoc.of(w.nextNotify(10));
            assertThat(first.names()).containsExactly("7100", "7101");
            try {
                server.cli("devstate change Custom:b7101 BUSY");
                ListDoc changed = ListDoc.of(w.nextNotify(15));
                assertThat(changed.fullState).isTrue();
                assertThat(changed.version).isEqualTo(1);
                assertThat(changed.names()).containsExactly("7100", "7101");
                assertThat(note(changed.resource("sip:7100@127.0.0.1:" + server.port).text())).isEqualTo("Ready");
                assertThat(note(changed.resource("sip:7101@127.0.0.1:" + server.port).text())).isEqualTo("On the phone");
            } finally {
                server.cli("devstate change Custom:b7101 NOT_INUSE");
            }
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void aRefreshAfterAReloadThatChangedTheItemsSendsTheNewList() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("growing", "presence", null, 600, "Supported: eventlist").status()).isEqualTo(200);
            ListDoc first = ListDoc.of(w.nextNotify(10));
            assertThat(first.names()).containsExactly("7100");

            Path conf = server.configDir.resolve("pjsip.conf");
            Files.writeString(conf, Files.readString(conf).replace("list_item=7100\n", "list_item=7100,7102\n"));
            assertThat(server.cli("pjsip reload")).doesNotContainIgnoringCase("error");

            assertThat(w.refresh("presence", 600).status()).isEqualTo(200);
            ListDoc refreshed = ListDoc.of(w.nextNotify(10));
            assertThat(refreshed.fullState).isTrue();
            assertThat(refreshed.version).as("the RLMI version continues").isEqualTo(1);
            assertThat(refreshed.names()).containsExactly("7100", "7102");
            assertThat(refreshed.resource("sip:7100@127.0.0.1:" + server.port).instanceId)
                    .isEqualTo(first.resource("sip:7100@127.0.0.1:" + server.port).instanceId);

            // the new member is watched: its change arrives in a partial NOTIFY
            try {
                server.cli("devstate change Custom:b7102 INUSE");
                ListDoc changed = ListDoc.of(w.nextNotify(15));
                assertThat(changed.fullState).isFalse();
                assertThat(changed.names()).containsExactly("7102");
                assertThat(note(changed.resource("sip:7102@127.0.0.1:" + server.port).text())).isEqualTo("On the phone");
            } finally {
                server.cli("devstate change Custom:b7102 NOT_INUSE");
            }
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void withoutEventlistTheListIsAnOrdinaryResourceAndAListOfFailuresIs500() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("sales", "presence", null, 600);
            assertThat(r.status()).as("no Supported: eventlist: an ordinary resource, never 421").isEqualTo(404);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("sales", "dialog", null, 600, "Supported: eventlist");
            assertThat(r.status()).as("a presence list asked for with Event: dialog is no list").isEqualTo(404);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("broken", "presence", null, 600, "Supported: eventlist");
            assertThat(r.status()).as("no member could be subscribed").isEqualTo(500);
        }
        assertThat(server.cli("pjsip show resource_list nosuch")).contains("Unable to find object nosuch.");
    }

    // ------------------------------------------------------------------ taking a NOTIFY apart

    /** One RLMI level: the document's attributes, its resources, and the body parts they point at. */
    record ListDoc(String uri, String name, long version, boolean fullState, List<Res> resources) {
        static ListDoc of(SipRequest notify) {
            assertThat(notify).as("a NOTIFY").isNotNull();
            String ct = notify.header("Content-Type");
            assertThat(ct).startsWith("multipart/related").contains("type=\"application/rlmi+xml\"");
            return parse(ct, notify.body());
        }

        static ListDoc parse(String contentType, byte[] body) {
            List<MultipartBody.Part> parts = MultipartBody.parse(contentType, body);
            assertThat(parts).isNotEmpty();
            MultipartBody.Part root = parts.getFirst();
            assertThat(root.contentType()).isEqualTo("application/rlmi+xml");
            Matcher start = Pattern.compile("start=\"<([^>]+)>\"").matcher(contentType);
            assertThat(start.find()).as("start names the RLMI part").isTrue();
            assertThat(header(root, "Content-ID")).isEqualTo("<" + start.group(1) + ">");
            Map<String, MultipartBody.Part> byCid = new LinkedHashMap<>();
            for (MultipartBody.Part p : parts.subList(1, parts.size())) {
                String cid = header(p, "Content-ID");
                assertThat(cid).as("every part has a Content-ID").startsWith("<").endsWith(">");
                assertThat(Integer.parseInt(header(p, "Content-Length"))).isEqualTo(p.body().length);
                byCid.put(cid.substring(1, cid.length() - 1), p);
            }
            Document d = xml(root.body());
            Element list = d.getDocumentElement();
            assertThat(list.getLocalName()).isEqualTo("list");
            assertThat(list.getNamespaceURI()).isEqualTo(RLMI_NS);
            List<Res> resources = new ArrayList<>();
            NodeList rs = list.getElementsByTagNameNS(RLMI_NS, "resource");
            for (int i = 0; i < rs.getLength(); i++) {
                Element r = (Element) rs.item(i);
                Element instance = (Element) r.getElementsByTagNameNS(RLMI_NS, "instance").item(0);
                String cid = instance.getAttribute("cid");
                MultipartBody.Part part = byCid.remove(cid);
                assertThat(part).as("the part cid " + cid + " points at").isNotNull();
                resources.add(new Res(r.getAttribute("uri"), text(r, "name"), instance.getAttribute("id"), instance.getAttribute("state"), part));
            }
            assertThat(byCid).as("every part is named by a resource").isEmpty();
            return new ListDoc(list.getAttribute("uri"), text(list, "name"), Long.parseLong(list.getAttribute("version")),
                    Boolean.parseBoolean(list.getAttribute("fullState")), resources);
        }

        List<String> names() { return resources.stream().map(r -> r.name).toList(); }

        Res find(String uri) {
            for (Res r : resources) if (r.uri.equals(uri)) return r;
            return null;
        }

        Res resource(String uri) {
            Res r = find(uri);
            assertThat(r).as("resource " + uri + " in " + names()).isNotNull();
            return r;
        }

        private static String header(MultipartBody.Part p, String name) {
            for (var e : p.headers().entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
            return null;
        }

        private static String text(Element parent, String child) {
            NodeList l = parent.getElementsByTagNameNS(RLMI_NS, child);
            return l.getLength() == 0 ? null : l.item(0).getTextContent();
        }

        private static Document xml(byte[] bytes) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            } catch (Exception e) {
                throw new AssertionError("not well-formed XML: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** A resource of an RLMI document with the body part its instance's cid names. */
    record Res(String uri, String name, String instanceId, String state, MultipartBody.Part part) {
        String text() { return new String(part.body(), StandardCharsets.UTF_8); }

        ListDoc nested() { return ListDoc.parse(part.contentType(), part.body()); }
    }

    private static String basic(String body) { return group(body, "<basic>(\\w+)</basic>"); }

    private static String note(String body) { return group(body, "<note>([^<]*)</note>"); }

    private static String dialogState(String body) { return group(body, "<state>(\\w+)</state>"); }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String register(SipClient c, String user, String ip, int expires) {
        return ("REGISTER sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:%s@127.0.0.1>;tag=r1\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: reg-%s@test\r\nCSeq: %d REGISTER\r\n"
                + "Contact: <sip:%s@%s:%d>\r\nExpires: %d\r\nContent-Length: 0\r\n\r\n")
                .formatted(server.port, ip, c.localPort(), UUID.randomUUID(), user, user, user, expires == 0 ? 2 : 1, user, ip,
                        c.localPort(), expires);
    }
}
