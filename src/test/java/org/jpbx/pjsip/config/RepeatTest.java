package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Options marked "R" in pjsip-objects.md accumulate; all others: the last line wins. */
class RepeatTest {
    /** The "R" options of the spec, per type (written from the spec's Rep. column). */
    private static final Map<String, Set<String>> R = Map.of(
            "transport", Set.of("local_net"),
            "endpoint", Set.of("set_var", "allow", "disallow", "acl", "deny", "permit", "contact_acl", "contact_deny", "contact_permit"),
            "auth", Set.of("password_digest"),
            "aor", Set.of("contact"),
            "identify", Set.of("match"),
            "acl", Set.of("acl", "deny", "permit", "contact_acl", "contact_deny", "contact_permit"),
            "resource_list", Set.of("list_item"));

    @Test
    void tablesMarkExactlyTheSpecsROptions() {
        for (ObjectType t : ObjectTypes.all()) {
            List<String> accumulating = new ArrayList<>();
            for (Option o : t.table().options()) if (o.accumulates()) accumulating.add(o.name());
            assertThat(accumulating).as(t.name()).containsExactlyInAnyOrderElementsOf(R.getOrDefault(t.name(), Set.of()));
        }
    }

    @Test
    void accumulatingOptionsCollectEveryLine() {
        Loaded l = Loaded.of("""
                [t]
                type=transport
                bind=0.0.0.0
                local_net=10.0.0.0/8
                local_net=192.168.0.0/16
                [e]
                type=endpoint
                set_var=A=1
                set_var=B=2
                allow=ulaw
                disallow=ulaw
                allow=alaw,g722
                acl=one
                acl=two
                deny=0.0.0.0/0
                permit=10.0.0.0/8
                contact_acl=c1
                contact_acl=c2
                contact_deny=0.0.0.0/0
                contact_permit=10.0.0.0/8
                [a]
                type=auth
                username=u
                password_digest=MD5:0123456789abcdef0123456789abcdef
                password_digest=SHA-256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                [a]
                type=aor
                contact=sip:a@example.com
                contact=sip:b@example.com
                [i]
                type=identify
                endpoint=e
                match=10.0.0.1
                match=10.0.0.2
                [r]
                type=resource_list
                event=presence
                list_item=a
                list_item=b,a
                """);
        assertThat(l.errors()).isEmpty();
        assertThat(l.object("transport", "t").displayValue("local_net")).isEqualTo("10.0.0.0/8,192.168.0.0/16");
        PjsipObject e = l.object("endpoint", "e");
        assertThat(e.displayValue("set_var")).isEqualTo("A=1,B=2");
        assertThat(e.displayValue("allow")).isEqualTo("(alaw|g722)");
        assertThat(e.getList("acl")).containsExactly("one", "two");
        assertThat(e.displayValue("permit")).isEqualTo("deny 0.0.0.0/0,permit 10.0.0.0/8");
        assertThat(e.displayValue("deny")).isEqualTo("deny 0.0.0.0/0,permit 10.0.0.0/8");
        assertThat(e.getList("contact_acl")).containsExactly("c1", "c2");
        assertThat(e.displayValue("contact_permit")).isEqualTo("deny 0.0.0.0/0,permit 10.0.0.0/8");
        assertThat(l.object("auth", "a").displayValue("password_digest")).startsWith("MD5:").contains(",SHA-256:");
        assertThat(l.object("aor", "a").getList("contact")).containsExactly("sip:a@example.com", "sip:b@example.com");
        assertThat(l.object("identify", "i").displayValue("match")).isEqualTo("10.0.0.1/32,10.0.0.2/32");
        assertThat(l.object("resource_list", "r").getList("list_item")).containsExactly("a", "b");
        assertThat(l.warnings()).singleElement().asString().contains("'a' is listed twice");
    }

    @Test
    void lastWinsOptionsKeepTheLastLine() {
        Loaded l = Loaded.of("""
                [e]
                type=endpoint
                context=one
                context=two
                auth=a1,a2
                auth=a3
                aors=x
                aors=y
                direct_media=no
                direct_media=yes
                [s]
                type=system
                threadpool_max_size=10
                taskpool_max_size=20
                """);
        PjsipObject e = l.object("endpoint", "e");
        assertThat(e.getString("context")).isEqualTo("two");
        assertThat(e.getList("auth")).as("a later auth= replaces the whole list").containsExactly("a3");
        assertThat(e.getList("aors")).containsExactly("y");
        assertThat(e.getBool("direct_media")).isTrue();
        assertThat(l.object("system", "s").getLong("taskpool_max_size")).as("an alias writes the same value").isEqualTo(20);
    }

    @Test
    void phoneprovFirstOccurrenceWins() {
        Loaded l = Loaded.of("""
                [tpl](!)
                LABEL=from template
                [p](tpl)
                type=phoneprov
                MAC=001122334455
                PROFILE=polycom
                MAC=665544332211
                LABEL=own
                custom=1
                """);
        PjsipObject p = l.object("phoneprov", "p");
        assertThat(p.getString("MAC")).isEqualTo("001122334455");
        assertThat(p.variable("LABEL")).as("an inherited variable shadows the section's own, as in Asterisk's code").isEqualTo("from template");
        assertThat(p.variables()).extracting(org.jpbx.conf.Entry::key).containsExactly("LABEL", "MAC", "PROFILE", "MAC", "LABEL", "custom");
    }
}
