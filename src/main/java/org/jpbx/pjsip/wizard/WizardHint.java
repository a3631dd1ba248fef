package org.jpbx.pjsip.wizard;

import org.jpbx.conf.SourceLocation;

/**
 * A dialplan entry the wizard asks for: {@code exten => <exten>,hint,PJSIP/<endpoint>} in
 * {@code context}, and, when {@code application} is not null, {@code exten => <exten>,1,<application>}.
 * {@code application} is the expression as written in {@code hint_application} (for example
 * {@code Dial(${HINT},30)}); the wizard has already rejected expressions Asterisk would refuse, so a
 * non-null value splits cleanly with {@link #applicationName()} and {@link #applicationData()}.
 * {@code location} is the {@code hint_exten} line.
 */
public record WizardHint(String context, String exten, String endpoint, String application, SourceLocation location) {

    /** The hint's device: {@code PJSIP/<endpoint>}. */
    public String device() { return "PJSIP/" + endpoint; }

    /** The application name: the expression up to the first {@code (}, or all of it; null without an application. */
    public String applicationName() {
        if (application == null) return null;
        int paren = application.indexOf('(');
        return paren < 0 ? application : application.substring(0, paren);
    }

    /**
     * The application's arguments: what lies between the first {@code (} and the last character
     * (which Asterisk drops, assuming it is {@code )}); empty without parentheses, null without an application.
     */
    public String applicationData() {
        if (application == null) return null;
        int paren = application.indexOf('(');
        if (paren < 0) return "";
        return paren + 1 < application.length() ? application.substring(paren + 1, application.length() - 1) : "";
    }
}
