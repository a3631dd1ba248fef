package org.jpbx.manage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoreCommandsTest {
    @Test
    void uptimePrintsOnlyTheNonZeroUnits() {
        assertThat(CoreCommands.describe(0)).isEqualTo("0 seconds");
        assertThat(CoreCommands.describe(1)).isEqualTo("1 second");
        assertThat(CoreCommands.describe(5)).isEqualTo("5 seconds");
        assertThat(CoreCommands.describe(3723)).isEqualTo("1 hour, 2 minutes, 3 seconds");
        assertThat(CoreCommands.describe(3600)).isEqualTo("1 hour");
        assertThat(CoreCommands.describe(3603)).isEqualTo("1 hour, 3 seconds");
        assertThat(CoreCommands.describe(2 * 86400 + 60)).isEqualTo("2 days, 1 minute");
        assertThat(CoreCommands.describe(365L * 86400 + 14 * 86400)).isEqualTo("1 year, 2 weeks");
    }
}
