package org.jpbx.devicestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Asterisk's combination of device states and the bus that publishes changes. */
class DeviceStatesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', INVALID",
            "NOT_INUSE, NOT_INUSE",
            "UNAVAILABLE NOT_INUSE, NOT_INUSE",
            "UNAVAILABLE UNAVAILABLE, UNAVAILABLE",
            "UNKNOWN UNAVAILABLE, UNAVAILABLE",
            "INVALID UNKNOWN, UNKNOWN",
            "NOT_INUSE INUSE, INUSE",
            "RINGING NOT_INUSE, RINGING",
            "RINGING INUSE, RINGINUSE",
            "INUSE RINGING, RINGINUSE",
            "ONHOLD RINGING, RINGINUSE",
            "BUSY INUSE, BUSY",
            "ONHOLD NOT_INUSE, ONHOLD",
            "ONHOLD INUSE, INUSE",
    })
    void aggregate(String states, DeviceState expected) {
        List<DeviceState> list = new ArrayList<>();
        for (String s : states.split(" ")) if (!s.isBlank()) list.add(DeviceState.valueOf(s));
        assertThat(DeviceStateAggregate.of(list)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NOT_INUSE, Idle", "UNKNOWN, Idle", "INVALID, Unavailable", "UNAVAILABLE, Unavailable", "RINGINUSE, InUse&Ringing",
            "ONHOLD, Hold", "BUSY, Busy", "INUSE, InUse", "RINGING, Ringing"})
    void extensionStateNames(DeviceState device, String shown) {
        assertThat(ExtensionState.of(device).displayName()).isEqualTo(shown);
    }

    @Test
    void busPublishesOnlyChangesInOrder() throws Exception {
        Map<String, DeviceState> world = new ConcurrentHashMap<>();
        try (DeviceStates bus = new DeviceStates()) {
            bus.register("PJSIP", id -> world.getOrDefault(id, DeviceState.INVALID));
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            bus.subscribe(c -> seen.add(c.device() + " " + c.previous() + "->" + c.state()));
            world.put("a", DeviceState.UNAVAILABLE);
            bus.changed("PJSIP/a");
            bus.flush();
            bus.changed("PJSIP/a");
            bus.flush();
            world.put("a", DeviceState.NOT_INUSE);
            bus.changed("pjsip/a");
            bus.setCustom("dnd", DeviceState.BUSY);
            bus.flush();
            assertThat(seen).containsExactly("PJSIP/a null->UNAVAILABLE", "pjsip/a null->NOT_INUSE", "Custom:dnd null->BUSY");
            assertThat(bus.state("Custom:dnd")).isEqualTo(DeviceState.BUSY);
            assertThat(bus.state("SIP/x")).isEqualTo(DeviceState.INVALID);
            assertThat(bus.state("PJSIP/a")).isEqualTo(DeviceState.NOT_INUSE);
        }
    }
}
