package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/** The system singleton (pjsip-objects.md §16); read at startup only. */
public final class SystemOptions {
    private SystemOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("system")
            .opt("timer_t1", MS, "500", "RFC 3261 T1 (ms)")
            .opt("timer_b", MS, "32000", "INVITE transaction timeout (ms)")
            .opt("compact_headers", BOOL, "no", "Compact header names")
            .opt("taskpool_minimum_size", UINT, "4", "Minimum workers")
            .opt("taskpool_initial_size", UINT, "4", "Initial workers")
            .opt("taskpool_auto_increment", UINT, "1", "Workers added when growing")
            .opt("taskpool_idle_timeout", SECONDS, "60", "Idle worker lifetime (s)")
            .opt("taskpool_max_size", UINT, "50", "Maximum workers (0 = unlimited)")
            .alias("threadpool_initial_size", "taskpool_initial_size", "Deprecated alias of taskpool_initial_size")
            .alias("threadpool_auto_increment", "taskpool_auto_increment", "Deprecated alias of taskpool_auto_increment")
            .alias("threadpool_idle_timeout", "taskpool_idle_timeout", "Deprecated alias of taskpool_idle_timeout")
            .alias("threadpool_max_size", "taskpool_max_size", "Deprecated alias of taskpool_max_size")
            .opt("disable_tcp_switch", BOOL, "yes", "Never switch to TCP for large UDP requests")
            .opt("follow_early_media_fork", BOOL, "yes", "System-wide enable of the endpoint option")
            .opt("accept_multiple_sdp_answers", BOOL, "no", "System-wide enable of the endpoint option")
            .opt("disable_rport", BOOL, "no", "Do not add rport to our Via")
            .build();
}
