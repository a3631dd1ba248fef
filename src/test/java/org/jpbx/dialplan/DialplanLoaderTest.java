package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.SourceLocation;
import org.junit.jupiter.api.Test;

/** extensions.conf read as pbx_config reads it, with file:line diagnostics, and the wizard's hints merged. */
class DialplanLoaderTest {
    private Diagnostics diag;
    private Globals globals;

    private Dialplan load(String text, ProvidedHint... provided) {
        diag = new Diagnostics();
        globals = new Globals();
        DialplanLoader.Result r = new DialplanLoader(diag, new Pbx(Dialplan::empty, new Globals(), Functions.standard(null))::hasApplication,
                Functions.standard(null)).load(ConfParser.parseString(Path.of("/tmp"), text, "extensions.conf", diag), List.of(provided), globals);
        r.globals().forEach(globals::set);
        return r.dialplan();
    }

    private static List<String> priorities(Extension e) {
        return e.priorities().stream().map(p -> (p.label() == null ? "" : p.label() + ":") + p.describe() + "@" + p.source()).toList();
    }

    @Test
    void prioritiesNextLabelsSameAndHints() {
        Dialplan dp = load("""
                [general]
                autofallthrough=no
                [globals]
                BASE=60
                EXT=${BASE}01
                [internal]
                exten => ${EXT},hint,PJSIP/6001&Custom:dnd
                exten => ${EXT},1,Answer()
                 same => n(again),Playback(beep)
                 same => n,Goto(again)
                exten => 555-1212,1,NoOp
                exten => 5551212,2,NoOp(second)
                exten => 100,10,NoOp(ten)
                exten => 100,n,NoOp(eleven)
                exten => 100,again+2,NoOp(twelve)
                exten => 100/6001,1,NoOp(from 6001)
                include => other
                ignorepat => 9
                """);
        assertThat(diag.toString()).doesNotContain("error").contains("includes 'other', which is not defined");
        assertThat(dp.settings().autoFallthrough()).isFalse();
        assertThat(globals.get("EXT")).isEqualTo("6001");
        Context c = dp.context("internal");
        assertThat(c.registrar()).isEqualTo("pbx_config");
        assertThat(priorities(c.extension("6001", null))).containsExactly(
                "hint: PJSIP/6001&Custom:dnd@extensions.conf:7", "1. Answer()@extensions.conf:8",
                "again:2. Playback(beep)@extensions.conf:9", "3. Goto(again)@extensions.conf:10");
        assertThat(priorities(c.extension("5551212", null))).containsExactly("1. NoOp()@extensions.conf:11", "2. NoOp(second)@extensions.conf:12");
        assertThat(c.extension("100", null).priority(11).appData()).isEqualTo("eleven");
        assertThat(c.extensions()).extracting(Extension::name).containsExactly("100", "100", "555-1212", "6001");
        assertThat(c.extensions().getFirst().callerIdMatch()).isEqualTo("6001");
        assertThat(dp.find("internal", "100", 1, "6001").priority().appData()).isEqualTo("from 6001");
        assertThat(dp.find("internal", "100", 1, "6002")).isNull();
        assertThat(dp.hint("internal", "6001").priority().app()).isEqualTo("PJSIP/6001&Custom:dnd");
        assertThat(c.ignorePatterns()).extracting(Include::name).containsExactly("9");
    }

    @Test
    void badLinesAreReportedWithFileAndLineAndTheRestLoads() {
        Dialplan dp = load("""
                [ctx]
                same => n,NoOp(orphan)
                exten => 1,n,NoOp(first n)
                exten => 1,0,NoOp(zero)
                exten => 1,1(lbl,NoOp(label))
                exten => 1,nope,NoOp(bad label)
                exten => 1,1,NoOp(one)
                exten => 1,1,NoOp(duplicate)
                exten => _X.1,1,NoOp(dot)
                exten => _[12,1,NoOp(bracket)
                switch => Realtime/ctx@table
                frobnicate => yes
                exten => 2,1,Set(x=1
                """);
        String d = diag.toString();
        assertThat(d).contains("extensions.conf:2: error: 'same =>' before any 'exten =>' in context 'ctx'");
        assertThat(d).contains("extensions.conf:3: warning: Can't use 'next' priority on the first entry; line ignored");
        assertThat(d).contains("extensions.conf:4: warning: Invalid priority '0'; line ignored");
        assertThat(d).contains("extensions.conf:5: warning: Label missing trailing ')'");
        assertThat(d).contains("extensions.conf:6: warning: Invalid priority/label 'nope'; line ignored");
        assertThat(d).contains("extensions.conf:8: warning: Unable to register extension '1' priority 1 in 'ctx', already in use at extensions.conf:7; line ignored");
        assertThat(d).contains("extensions.conf:9: warning: extension '_X.1': '.' matches everything that follows");
        assertThat(d).contains("extensions.conf:10: warning: extension '_[12,1,NoOp(bracket)': '[' without ']': the pattern never matches; line ignored");
        assertThat(d).contains("extensions.conf:11: warning: switch => Realtime/ctx@table: alternative switches are not supported by jpbx");
        assertThat(d).contains("extensions.conf:12: warning: unknown directive 'frobnicate' in context 'ctx'");
        assertThat(d).contains("extensions.conf:13: warning: No closing parenthesis found? 'Set(x=1'");
        assertThat(dp.find("ctx", "1", 1, null).priority().appData()).isEqualTo("one");
        assertThat(dp.find("ctx", "2", 1, null).priority().appData()).isEqualTo("x=1");
    }

    @Test
    void includesAreSearchedAfterTheContextsOwnExtensions() {
        Dialplan dp = load("""
                [a]
                include => b
                exten => _X.,1,NoOp(a-any)
                [b]
                include => a
                exten => 123,1,NoOp(b-exact)
                exten => 7,1,NoOp(b-seven)
                exten => 8,1,NoOp(b-eight)
                [timed]
                include => b,00:00-23:59,*,*,*
                include => a,00:00-00:00,sun,1,jan
                """);
        assertThat(dp.find("a", "123", 1, null).priority().appData()).isEqualTo("a-any");
        assertThat(dp.find("b", "123", 1, null).priority().appData()).isEqualTo("b-exact");
        assertThat(dp.find("b", "99", 1, null).priority().appData()).isEqualTo("a-any");
        assertThat(dp.find("b", "99", 2, null)).isNull();
        assertThat(dp.canMatch("b", "12", 1, null)).isTrue();
        assertThat(dp.matchMore("timed", "12", 1, null)).isTrue();
        assertThat(dp.exists("timed", "7", 1, null)).isTrue();
        assertThat(diag.toString()).doesNotContain("warning");
    }

    @Test
    void anExplicitHintWinsOverTheWizardsAndWizardEntriesFillTheRest() {
        SourceLocation wiz = new SourceLocation(Path.of("pjsip_wizard.conf"), 9);
        Dialplan dp = load("""
                [internal]
                exten => 6002,hint,PJSIP/6002&Custom:dnd
                exten => 6002,1,NoOp(mine)
                """,
                new ProvidedHint("internal", "6001", "PJSIP/6001", "Dial", "${HINT},30", wiz, "res_pjsip_config_wizard"),
                new ProvidedHint("internal", "6002", "PJSIP/6002", "Dial", "${HINT}", wiz, "res_pjsip_config_wizard"),
                new ProvidedHint("office", "2101", "PJSIP/2101", null, null, wiz, "res_pjsip_config_wizard"));
        assertThat(diag.notices()).extracting(Object::toString).containsExactly(
                "pjsip_wizard.conf:9: notice: hint 6002@internal is defined in extensions.conf:2; that one is used and the wizard's is not created",
                "pjsip_wizard.conf:9: notice: priority 1 of 6002@internal is defined in extensions.conf:3; that one is used and the wizard's Dial(${HINT}) is not added");
        assertThat(dp.hint("internal", "6001").priority().source()).isEqualTo("res_pjsip_config_wizard");
        assertThat(dp.find("internal", "6001", 1, null).priority().describe()).isEqualTo("1. Dial(${HINT},30)");
        assertThat(dp.hint("internal", "6002").priority().app()).isEqualTo("PJSIP/6002&Custom:dnd");
        assertThat(dp.context("office").registrar()).isEqualTo("res_pjsip_config_wizard");
        assertThat(dp.hints()).hasSize(3);
    }
}
