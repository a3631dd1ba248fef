package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.config.types.AclType;
import org.jpbx.pjsip.config.types.BadValueException;
import org.jpbx.pjsip.config.types.BindType;
import org.jpbx.pjsip.config.types.BoolType;
import org.jpbx.pjsip.config.types.CallerIdType;
import org.jpbx.pjsip.config.types.CodecListType;
import org.jpbx.pjsip.config.types.CodecNegotiationType;
import org.jpbx.pjsip.config.types.DoubleType;
import org.jpbx.pjsip.config.types.DurationType;
import org.jpbx.pjsip.config.types.EnumListType;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.GroupType;
import org.jpbx.pjsip.config.types.HeaderMatchType;
import org.jpbx.pjsip.config.types.HexType;
import org.jpbx.pjsip.config.types.HostType;
import org.jpbx.pjsip.config.types.IdentifyMatchType;
import org.jpbx.pjsip.config.types.IntType;
import org.jpbx.pjsip.config.types.ListType;
import org.jpbx.pjsip.config.types.ObsoleteOneType;
import org.jpbx.pjsip.config.types.PasswordDigestType;
import org.jpbx.pjsip.config.types.RegexType;
import org.jpbx.pjsip.config.types.SetVarType;
import org.jpbx.pjsip.config.types.TosType;
import org.jpbx.pjsip.config.types.UriType;
import org.jpbx.pjsip.config.types.ValueType;
import org.jpbx.pjsip.config.types.Warnings;
import org.junit.jupiter.api.Test;

/** Accepted and rejected spellings of every value type, and their show format. */
class ValueTypesTest {
    private final List<String> warnings = new ArrayList<>();
    private final Warnings w = warnings::add;

    private <T> String shown(ValueType<T> t, String text) throws BadValueException {
        return t.format(t.parse(text, w));
    }

    private static void rejects(ValueType<?> t, String... texts) {
        for (String s : texts) assertThatThrownBy(() -> t.parse(s, Warnings.IGNORE)).as(s).isInstanceOf(BadValueException.class);
    }

    @Test
    void bool() throws Exception {
        for (String s : List.of("yes", "YES", "true", "y", "t", "1", "on", "On")) assertThat(shown(BoolType.TRUE_FALSE, s)).as(s).isEqualTo("true");
        for (String s : List.of("no", "false", "n", "f", "0", "off")) assertThat(shown(BoolType.TRUE_FALSE, s)).as(s).isEqualTo("false");
        assertThat(warnings).isEmpty();
        assertThat(shown(BoolType.TRUE_FALSE, "ja")).isEqualTo("false");
        assertThat(warnings).singleElement().asString().contains("not one of Asterisk's true/false words");
        assertThat(shown(BoolType.YES_NO, "1")).isEqualTo("yes");
        assertThat(shown(BoolType.YES_NO, "off")).isEqualTo("no");
    }

    @Test
    void integers() throws Exception {
        assertThat(shown(IntType.uint(), "4294967295")).isEqualTo("4294967295");
        assertThat(shown(IntType.uint(), "+7")).isEqualTo("7");
        rejects(IntType.uint(), "-1", "4294967296", "abc", "", "1.5", "0x10");
        assertThat(shown(IntType.uint(0, 65535), "65535")).isEqualTo("65535");
        rejects(IntType.uint(0, 65535), "65536");
        assertThat(shown(IntType.signed(-1, 100), "-1")).isEqualTo("-1");
        rejects(IntType.signed(-1, 100), "-2");
        assertThat(shown(ObsoleteOneType.INSTANCE, "4")).isEqualTo("1");
        assertThat(warnings).singleElement().asString().contains("obsolete");
    }

    @Test
    void doubleAndDurations() throws Exception {
        assertThat(shown(DoubleType.NON_NEGATIVE, "3")).isEqualTo("3.000000");
        assertThat(shown(DoubleType.NON_NEGATIVE, "0.5")).isEqualTo("0.500000");
        assertThat(shown(DoubleType.NON_NEGATIVE, ".25")).isEqualTo("0.250000");
        rejects(DoubleType.NON_NEGATIVE, "-1", "abc", "1e3", "");
        assertThat(DurationType.seconds().parse("90", w).toSeconds()).isEqualTo(90);
        assertThat(DurationType.millis().parse("500", w).toMillis()).isEqualTo(500);
        assertThat(shown(DurationType.millis(), "500")).isEqualTo("500");
        rejects(DurationType.seconds(), "-5", "5s", "");
        rejects(DurationType.seconds(0, 86400), "86401");
        rejects(DurationType.signedMillis(1), "0");
    }

    @Test
    void listsAndEnums() throws Exception {
        assertThat(ListType.PLAIN.parse(" a , b,,c ", w)).containsExactly("a", "b", "c");
        assertThat(shown(ListType.PLAIN, "a, b")).isEqualTo("a,b");
        assertThat(ListType.UNIQUE.accumulate(List.of("a"), "a,b", w)).containsExactly("a", "b");
        assertThat(warnings).singleElement().asString().contains("listed twice");

        EnumType e = EnumType.of("invite", "update").alias("reinvite", "invite");
        assertThat(shown(e, "UPDATE")).isEqualTo("update");
        assertThat(shown(e, "reinvite")).isEqualTo("invite");
        rejects(e, "re-invite", "");
        EnumType timers = EnumType.of("no", "yes", "required", "always").alias("forced", "always").withBoolWords();
        assertThat(shown(timers, "on")).isEqualTo("yes");
        assertThat(shown(timers, "0")).isEqualTo("no");
        assertThat(shown(timers, "forced")).isEqualTo("always");
        rejects(timers, "maybe");
        EnumType setup = EnumType.of("active", "passive").unknownIgnored();
        assertThat(setup.parse("both", w)).isNull();
        assertThat(warnings).last().asString().contains("ignores");

        EnumListType identifyBy = EnumListType.strict(EnumType.of("username", "ip", "auth_username"));
        assertThat(shown(identifyBy, "ip, USERNAME, ip")).isEqualTo("ip,username");
        rejects(identifyBy, "ip,name");
        EnumListType order = EnumListType.lenient(EnumType.of("ip", "username"));
        assertThat(shown(order, "ip,bogus,username")).isEqualTo("ip,username");
    }

    @Test
    void codecs() throws Exception {
        CodecListType allow = CodecListType.ALLOW, disallow = CodecListType.DISALLOW;
        assertThat(shown(allow, "ulaw,alaw")).isEqualTo("(ulaw|alaw)");
        assertThat(shown(allow, "ulaw|ALAW | g722")).isEqualTo("(ulaw|alaw|g722)");
        assertThat(shown(allow, "")).isEqualTo("(nothing)");
        var l = allow.parse("ulaw,alaw", w);
        assertThat(allow.accumulate(l, "alaw,ulaw,g722", w).toString()).as("present codecs keep their place").isEqualTo("(ulaw|alaw|g722)");
        assertThat(allow.accumulate(l, "!ulaw", w).toString()).isEqualTo("(alaw)");
        assertThat(disallow.accumulate(l, "all", w).toString()).isEqualTo("(nothing)");
        assertThat(disallow.accumulate(l, "alaw", w).toString()).isEqualTo("(ulaw)");
        assertThat(disallow.accumulate(l, "!g722", w).toString()).isEqualTo("(ulaw|alaw|g722)");
        assertThat(allow.accumulate(l, "!all", w).toString()).isEqualTo("(nothing)");
        assertThat(allow.parse("all", w).names()).contains("ulaw", "opus", "h264").hasSizeGreaterThan(20);
        assertThat(allow.parse("ulaw:30", w).codecs().get(0).framingMs()).isEqualTo(30);
        assertThat(allow.parse("ulaw:30", w).confText()).isEqualTo("ulaw:30");
        rejects(allow, "ulaw,foo", "ulaw:-20");
        assertThat(shown(allow, "ulaw:x")).isEqualTo("(ulaw)");
        assertThat(warnings).singleElement().asString().contains("counts as 0");
    }

    @Test
    void aclRules() throws Exception {
        assertThat(shown(AclType.PERMIT, "10.0.0.0/8")).isEqualTo("permit 10.0.0.0/8");
        assertThat(shown(AclType.PERMIT, "10.1.2.3/255.0.0.0")).as("the mask is applied").isEqualTo("permit 10.0.0.0/8");
        assertThat(shown(AclType.DENY, "0.0.0.0/0.0.0.0, !192.168.1.1")).isEqualTo("deny 0.0.0.0/0,permit 192.168.1.1/32");
        assertThat(shown(AclType.PERMIT, "2001:db8::/32")).isEqualTo("permit 2001:db8::/32");
        assertThat(shown(AclType.PERMIT, "10.0.0.0/255.0.255.0")).isEqualTo("permit 10.0.0.0/255.0.255.0");
        var rules = AclType.PERMIT.accumulate(AclType.DENY.parse("0.0.0.0/0", w), "10.0.0.0/8", w);
        assertThat(rules.allows(java.net.InetAddress.getByName("10.1.1.1"))).isTrue();
        assertThat(rules.allows(java.net.InetAddress.getByName("11.1.1.1"))).isFalse();
        rejects(AclType.PERMIT, "host.example.com", "10.0.0.0/33", "10.0.0.0/ffff", "10.0.0.1:5060", "", "2001:db8::/255.0.0.0");
        assertThat(shown(AclType.NETWORKS, "192.168.0.0/16,10.0.0.0/8")).isEqualTo("192.168.0.0/16,10.0.0.0/8");
        rejects(AclType.NETWORKS, "!10.0.0.0/8");
    }

    @Test
    void identifyMatchAndHeaders() throws Exception {
        assertThat(shown(IdentifyMatchType.INSTANCE, "10.0.0.1, 10.0.0.0:5061/8, [::1]:5060, sbc.example.com:5080"))
                .isEqualTo("10.0.0.1/32,10.0.0.0:5061/8,[::1]:5060/128,sbc.example.com:5080");
        rejects(IdentifyMatchType.INSTANCE, "bad host!", "sbc.example.com/24", "10.0.0.1:99999", "");
        assertThat(shown(HeaderMatchType.INSTANCE, "X-Tenant :  a")).isEqualTo("X-Tenant: a");
        rejects(HeaderMatchType.INSTANCE, "X-Tenant", ": value", "X: /(/");
        assertThat(shown(RegexType.INSTANCE, "^6")).isEqualTo("^6");
        rejects(RegexType.INSTANCE, "(");
    }

    @Test
    void addressesAndUris() throws Exception {
        assertThat(shown(BindType.INSTANCE, "0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(shown(BindType.INSTANCE, "192.0.2.1:5070")).isEqualTo("192.0.2.1:5070");
        assertThat(shown(BindType.INSTANCE, "[::]:5061")).isEqualTo("[::]:5061");
        assertThat(shown(BindType.INSTANCE, "::1")).isEqualTo("[::1]");
        rejects(BindType.INSTANCE, "pbx.example.com", "0.0.0.0:70000", "[::1", "[::1]5060", "300.1.1.1");
        assertThat(shown(HostType.INSTANCE, "pbx.example.com")).isEqualTo("pbx.example.com");
        assertThat(shown(HostType.INSTANCE, "2001:db8::1")).isEqualTo("2001:db8::1");
        rejects(HostType.INSTANCE, "not a host", "pbx..example.com", "[::1");
        assertThat(shown(UriType.LIST, "sip:a@example.com, sips:b@example.com")).isEqualTo("sip:a@example.com,sips:b@example.com");
        rejects(UriType.LIST, "http://example.com", "a@example.com", "sip:" + "a".repeat(300) + "@example.com");
    }

    @Test
    void setVarCallerIdGroupsTos() throws Exception {
        var v = SetVarType.INSTANCE.parse("A=1", w);
        v = SetVarType.INSTANCE.accumulate(v, "B = 2", w);
        v = SetVarType.INSTANCE.accumulate(v, "A=3", w);
        v = SetVarType.INSTANCE.accumulate(v, "", w);
        assertThat(SetVarType.INSTANCE.format(v)).isEqualTo("A=3,B=2");
        rejects(SetVarType.INSTANCE, "NOEQUALS", "=x");

        assertThat(shown(CallerIdType.INSTANCE, "Alice <6001>")).isEqualTo("\"Alice\" <6001>");
        assertThat(shown(CallerIdType.INSTANCE, "\"Bob B\" <6002>")).isEqualTo("\"Bob B\" <6002>");
        assertThat(shown(CallerIdType.INSTANCE, "<6003>")).isEqualTo("6003");
        assertThat(shown(CallerIdType.INSTANCE, "6004")).isEqualTo("6004");
        assertThat(CallerIdType.INSTANCE.parse("Reception", w).name()).isEqualTo("Reception");

        assertThat(shown(GroupType.INSTANCE, "5,1,2,3")).isEqualTo("1-3,5");
        assertThat(shown(GroupType.INSTANCE, "1,64,x")).isEqualTo("1");
        assertThat(warnings).hasSize(2);

        assertThat(shown(TosType.PLAIN, "ef")).isEqualTo("184");
        assertThat(shown(TosType.PLAIN, "CS3")).isEqualTo("96");
        assertThat(shown(TosType.PLAIN, "0x60")).isEqualTo("96");
        assertThat(shown(TosType.PLAIN, "96")).isEqualTo("96");
        rejects(TosType.PLAIN, "256", "af99", "");
        warnings.clear();
        assertThat(shown(TosType.DROP_LOW_BITS, "99")).isEqualTo("96");
        assertThat(warnings).singleElement().asString().contains("low two bits");
    }

    @Test
    void digestsAndNegotiation() throws Exception {
        assertThat(shown(PasswordDigestType.INSTANCE, "md5:0123456789ABCDEF0123456789abcdef"))
                .isEqualTo("MD5:0123456789abcdef0123456789abcdef");
        rejects(PasswordDigestType.INSTANCE, "MD5:0123", "SHA-1:0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef",
                "SHA-256:0123456789abcdef0123456789abcdef");
        assertThat(shown(HexType.MD5, "0123456789abcdef0123456789ABCDEF")).isEqualTo("0123456789abcdef0123456789abcdef");
        rejects(HexType.MD5, "xyz", "0123");

        assertThat(shown(CodecNegotiationType.OUTGOING_OFFER, "operation: intersect, keep: first"))
                .isEqualTo("prefer: pending, operation: intersect, keep: first, transcode: allow");
        assertThat(shown(CodecNegotiationType.ANSWER, "transcode: prevent, prefer: configured"))
                .isEqualTo("prefer: configured, operation: intersect, keep: all");
        rejects(CodecNegotiationType.INCOMING_OFFER, "operation: union", "colour: red", "prefer pending", "keep: some");
    }
}
