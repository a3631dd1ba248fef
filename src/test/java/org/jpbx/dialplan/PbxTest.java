package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.junit.jupiter.api.Test;

/** The PBX loop and the applications, run on a recording channel. */
class PbxTest {
    private Pbx pbx;
    private Diagnostics diag;
    private final List<DialRequest> dialled = new ArrayList<>();

    private Pbx load(String extensions) {
        diag = new Diagnostics();
        Globals globals = new Globals();
        Functions functions = Functions.standard(null);
        Dialplan[] holder = new Dialplan[1];
        pbx = new Pbx(() -> holder[0], globals, functions);
        DialplanLoader.Result r = new DialplanLoader(diag, pbx::hasApplication, functions)
                .load(ConfParser.parseString(Path.of("/tmp"), extensions, "extensions.conf", diag), List.of(), globals);
        r.globals().forEach(globals::set);
        holder[0] = r.dialplan();
        return pbx;
    }

    /** A dialer that answers PJSIP targets named in {@code answer}, is busy for "busy", and never answers others. */
    private Dialer dialer(DialStatus outcome) {
        return new Dialer() {
            @Override public boolean supports(String technology) { return technology.equalsIgnoreCase("PJSIP"); }
            @Override public DialOutcome dial(PbxChannel caller, DialRequest request) {
                dialled.add(request);
                return switch (outcome) {
                    case ANSWER -> new DialOutcome(DialStatus.ANSWER, 0, "PJSIP/6002-00000002", request.targets().getFirst().resource(), 12, 10);
                    case BUSY -> DialOutcome.failed(DialStatus.BUSY, HangupCause.USER_BUSY);
                    default -> DialOutcome.failed(outcome, HangupCause.NO_ANSWER);
                };
            }
        };
    }

    private RecordingChannel run(String exten) {
        return run("default", exten, new RecordingChannel());
    }

    private RecordingChannel run(String context, String exten, RecordingChannel ch) {
        PbxChannel pc = pbx.attach(ch);
        ch.pbx = pc;
        pc.setLocation(context, exten, 1);
        pbx.run(pc);
        return ch;
    }

    @Test
    void runsPrioritiesInOrderAndHangsUpWithTheCause() {
        load("""
                [default]
                exten => 100,1,Answer()
                 same => n,Playback(hello-world&beep)
                 same => n,Set(RESULT=${PLAYBACKSTATUS})
                 same => n,Hangup(USER_BUSY)
                 same => n,NoOp(never reached)
                """);
        RecordingChannel ch = run("100");
        assertThat(ch.log).containsExactly("answer", "play hello-world", "play beep", "hangup 17");
    }

    @Test
    void playbackOptionsAndStatus() {
        load("""
                [default]
                exten => 1,1,Playback(beep,skip)
                 same => n,Set(CALLERID(name)=${PLAYBACKSTATUS})
                 same => n,Playback(beep,noanswer)
                 same => n,Playback(missing&beep)
                 same => n,Set(CALLERID(num)=${PLAYBACKSTATUS})
                """);
        RecordingChannel ch = run("1");
        assertThat(ch.log).containsExactly("callerid \"SUCCESS\" <6001>", "play beep", "answer", "play missing", "play beep",
                "callerid \"SUCCESS\" <FAILED>", "hangup 16");
    }

    @Test
    void gotoIfAndLabels() {
        load("""
                [default]
                exten => s,1,Set(N=3)
                 same => n(top),GotoIf($[${N} > 0]?dec:done)
                 same => n(dec),Set(N=$[${N} - 1])
                 same => n,Playback(beep)
                 same => n,Goto(top)
                 same => n(done),Hangup()
                """);
        RecordingChannel ch = run("s");
        assertThat(ch.log).containsExactly("answer", "play beep", "play beep", "play beep", "hangup 16");
    }

    @Test
    void gosubPassesArgumentsAndReturnsWithAValue() {
        load("""
                [default]
                exten => s,1,Set(ARG1=outer)
                 same => n,Gosub(sub,start,1(hello-world,beep))
                 same => n,Playback(${GOSUB_RETVAL})
                 same => n,Playback(${ARG1})
                 same => n,Hangup()
                [sub]
                exten => start,1,Playback(${ARG1})
                 same => n,Gosub(inner,1(${ARG2}))
                 same => n,Return(${ARG2})
                exten => inner,1,Playback(${ARG1})
                 same => n,Set(LOCAL(ARGC)=9)
                 same => n,Return()
                """);
        RecordingChannel ch = run("s");
        assertThat(ch.log).containsExactly("answer", "play hello-world", "play beep", "play beep", "play outer", "hangup 16");
    }

    @Test
    void returnWithoutGosubAndGosubToNowhereHangUp() {
        load("""
                [default]
                exten => 1,1,Return()
                 same => n,Playback(beep)
                exten => 2,1,Gosub(nowhere,s,1)
                 same => n,Playback(beep)
                """);
        assertThat(run("1").log).containsExactly("hangup 16");
        assertThat(run("2").log).containsExactly("hangup 16");
    }

    @Test
    void fallsBackToSThenRunsInvalidAndHangupExtensions() {
        load("""
                [default]
                exten => s,1,Goto(999,1)
                exten => i,1,Playback(beep)
                 same => n,Set(CALLERID(name)=${INVALID_EXTEN})
                exten => h,1,Playback(hello-world)
                """);
        RecordingChannel ch = run("555");
        assertThat(ch.log).containsExactly("answer", "play beep", "callerid \"999\" <6001>", "play hello-world", "hangup 16");
    }

    @Test
    void autoFallthroughIndicatesWhatDialFound() {
        load("""
                [default]
                exten => 6002,1,Dial(PJSIP/6002,20,tTr)
                """);
        pbx.setDialer(dialer(DialStatus.BUSY));
        RecordingChannel ch = new RecordingChannel();
        Thread t = Thread.ofVirtual().start(() -> run("default", "6002", ch));
        // autofallthrough indicates busy, then waits for the caller to leave
        waitFor(() -> ch.log.contains("busy"));
        ch.pbx.requestHangup(0);
        join(t);
        assertThat(ch.log).containsExactly("busy", "hangup 17");
        assertThat(dialled).singleElement().satisfies(r -> {
            assertThat(r.targets()).containsExactly(new DialTarget("PJSIP", "6002"));
            assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(r.options().has('t')).isTrue();
            assertThat(r.options().has('r')).isTrue();
        });
    }

    @Test
    void dialSetsStatusVariablesAndEndsAfterAnAnsweredCallUnlessG() {
        load("""
                [default]
                exten => 1,1,Dial(PJSIP/6002&PJSIP/6003,,g)
                 same => n,Set(CALLERID(all)=${DIALSTATUS} <${DIALEDPEERNUMBER}>)
                 same => n,Dial(PJSIP/6002)
                 same => n,Playback(beep)
                """);
        pbx.setDialer(dialer(DialStatus.ANSWER));
        RecordingChannel ch = run("1");
        assertThat(ch.log).containsExactly("callerid \"ANSWER\" <6002>", "hangup 16");
        assertThat(dialled.getFirst().targets()).extracting(DialTarget::interfaceName).containsExactly("PJSIP/6002", "PJSIP/6003");
        assertThat(dialled.getFirst().timeout()).isNull();
    }

    @Test
    void dialToUnknownTechnologyOrNobodyIsChanunavailAndBadArgumentsHangUp() {
        load("""
                [default]
                exten => 1,1,Dial(IAX2/peer,10)
                 same => n,Set(CALLERID(name)=${DIALSTATUS}-${HANGUPCAUSE})
                 same => n,Dial(PJSIP/6002,abc)
                 same => n,Set(CALLERID(num)=${DIALSTATUS})
                 same => n,Dial(6002)
                 same => n,Playback(beep)
                """);
        pbx.setDialer(dialer(DialStatus.NOANSWER));
        RecordingChannel ch = run("1");
        assertThat(ch.log).containsExactly("callerid \"CHANUNAVAIL-66\" <6001>", "callerid \"CHANUNAVAIL-66\" <NOANSWER>", "hangup 19");
        assertThat(dialled).singleElement().satisfies(r -> assertThat(r.timeout()).isNull());
    }

    @Test
    void waitEndsWhenTheCallerHangsUpAndTheHExtensionRuns() {
        load("""
                [default]
                exten => 1,1,Answer()
                 same => n,Wait(60)
                 same => n,Playback(never)
                exten => h,1,Set(CALLERID(name)=${HANGUPCAUSE})
                """);
        RecordingChannel ch = new RecordingChannel();
        Thread t = Thread.ofVirtual().start(() -> run("default", "1", ch));
        waitFor(() -> ch.log.contains("answer"));
        ch.pbx.requestHangup(HangupCause.NORMAL_CLEARING);
        join(t);
        assertThat(ch.log).containsExactly("answer", "callerid \"16\" <6001>", "hangup 16");
    }

    @Test
    void variablesFunctionsAndHeaders() {
        load("""
                [globals]
                PREFIX=9
                [default]
                exten => _X.,1,Set(CALLERID(name)=${EXTEN:1}-${CONTEXT}-${PRIORITY}-${PREFIX})
                 same => n,Set(CALLERID(num)=${PJSIP_HEADER(read,X-Tenant)}${LEN(${CALLERID(name)})})
                 same => n,Set(__INHERIT=yes)
                 same => n,Set(GLOBAL(G)=set)
                 same => n,Set(CALLERID(name)=${IF($["${G}" = "set"]?${INHERIT}:no)}${UNKNOWNFUNC(x)})
                """);
        RecordingChannel ch = new RecordingChannel();
        PbxChannel pc = pbx.attach(ch);
        ch.pbx = pc;
        pc.setLocation("default", "91234", 1);
        pbx.run(pc);
        assertThat(ch.log).containsExactly("callerid \"1234-default-1-9\" <6001>", "callerid \"1234-default-1-9\" <acme16>",
                "callerid \"yes\" <acme16>", "hangup 16");
        assertThat(pc.inheritableVariables()).containsEntry("__INHERIT", "yes");
        assertThat(pbx.globals().get("G")).isEqualTo("set");
    }

    @Test
    void unknownApplicationHangsUpAndIsReportedAtLoad() {
        load("""
                [default]
                exten => 1,1,NoSuchApp(x)
                 same => n,Playback(beep)
                """);
        assertThat(diag.toString()).contains("extensions.conf:2: warning: application 'NoSuchApp' is not available in jpbx");
        assertThat(run("1").log).containsExactly("hangup 16");
    }

    @Test
    void indicationsGotoFormsEchoAndCongestion() {
        load("""
                [default]
                exten => 1,1,Ringing()
                 same => n,Progress()
                 same => n,Goto(+2)
                 same => n,Playback(never)
                 same => n,Goto(other,x,first)
                [other]
                exten => x,5(first),Echo()
                exten => 2,1,Congestion(0.01)
                """);
        assertThat(run("1").log).containsExactly("ringing", "progress", "echo", "hangup 16");
        assertThat(run("other", "2", new RecordingChannel()).log).containsExactly("congestion", "hangup 34");
    }

    @Test
    void startRunsOnAVirtualThread() throws Exception {
        load("""
                [default]
                exten => 1,1,Answer()
                """);
        RecordingChannel ch = new RecordingChannel();
        PbxChannel pc = pbx.attach(ch);
        ch.pbx = pc;
        Thread t = pbx.start(pc, "default", "1", 1);
        assertThat(t.isVirtual()).isTrue();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(ch.log).containsExactly("answer", "hangup 16");
        assertThat(pbx.activeChannels()).isEmpty();
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(cond.getAsBoolean()).as("condition reached in time").isTrue();
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(t.isAlive()).isFalse();
    }
}
