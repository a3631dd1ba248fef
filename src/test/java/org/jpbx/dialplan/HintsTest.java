package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStates;
import org.jpbx.devicestate.ExtensionState;
import org.junit.jupiter.api.Test;

/** Hint states follow the device state bus; watchers hear changes and the removal of their hint. */
class HintsTest {
    private static Dialplan dialplan(String text) {
        Diagnostics diag = new Diagnostics();
        return new DialplanLoader(diag, null, Functions.standard(null))
                .load(ConfParser.parseString(Path.of("/tmp"), text, "extensions.conf", diag), List.of(), new Globals()).dialplan();
    }

    @Test
    void watchersHearChangesAndRemoval() throws Exception {
        Map<String, DeviceState> world = new ConcurrentHashMap<>();
        try (DeviceStates bus = new DeviceStates()) {
            bus.register("PJSIP", id -> world.getOrDefault(id, DeviceState.UNAVAILABLE));
            Hints hints = new Hints(bus);
            hints.update(dialplan("""
                    [internal]
                    exten => 100,hint,PJSIP/a&PJSIP/b
                    exten => 200,hint,PJSIP/b,CustomPresence:bob
                    """));
            bus.flush();
            List<String> heard = new CopyOnWriteArrayList<>();
            Hints.Watcher w = new Hints.Watcher() {
                @Override public void stateChanged(Hints.HintState s) { heard.add(s.key() + " " + s.state().displayName()); }
                @Override public void removed(String context, String exten) { heard.add(exten + "@" + context + " removed"); }
            };
            assertThat(hints.watch("internal", "100", w)).isNotNull();
            assertThat(hints.watch("internal", "999", w)).isNull();
            assertThat(hints.state("internal", "100").state()).isEqualTo(ExtensionState.UNAVAILABLE);
            assertThat(hints.state("internal", "100").watchers()).isEqualTo(1);

            world.put("a", DeviceState.NOT_INUSE);
            bus.changed("PJSIP/a");
            bus.flush();
            world.put("b", DeviceState.RINGING);
            bus.changed("PJSIP/b");
            bus.flush();
            world.put("a", DeviceState.INUSE);
            bus.changed("PJSIP/a");
            bus.flush();
            assertThat(heard).containsExactly("100@internal Idle", "100@internal Ringing", "100@internal InUse&Ringing");
            assertThat(hints.state("internal", "200").state()).isEqualTo(ExtensionState.RINGING);

            hints.update(dialplan("""
                    [internal]
                    exten => 200,hint,PJSIP/b
                    """));
            assertThat(heard).endsWith("100@internal removed");
            assertThat(hints.all()).extracting(Hints.HintState::key).containsExactly("200@internal");
        }
    }
}
