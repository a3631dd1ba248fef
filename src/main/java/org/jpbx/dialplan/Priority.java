package org.jpbx.dialplan;

import org.jpbx.conf.SourceLocation;

/**
 * One priority of an extension: {@code exten => 100,2(label),App(data)}. The hint is the priority
 * {@link #HINT} ({@code -1}), whose {@code app} is the device list. {@code location} is where the
 * line was written (null for entries another module registered); {@code registrar} names the module
 * that registered it ({@code pbx_config} for extensions.conf), as Asterisk's {@code dialplan show}
 * prints it.
 */
public record Priority(int number, String label, String app, String appData, SourceLocation location, String registrar) {
    public static final int HINT = -1;

    public boolean isHint() { return number == HINT; }

    /** What {@code dialplan show} prints for it: {@code 1. Dial(PJSIP/100,30)} or {@code hint: PJSIP/100}. */
    public String describe() {
        return isHint() ? "hint: " + app : number + ". " + app + "(" + appData + ")";
    }

    /** {@code [extensions.conf:12]} or {@code [res_pjsip_config_wizard]}. */
    public String source() {
        return location == null ? registrar : location.toString();
    }
}
