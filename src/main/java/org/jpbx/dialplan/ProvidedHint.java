package org.jpbx.dialplan;

import org.jpbx.conf.SourceLocation;

/**
 * A hint another module asks the dialplan for (the pjsip wizard's {@code has_hint}):
 * {@code exten => <exten>,hint,<devices>} in {@code context} and, when {@code application} is not
 * null, {@code exten => <exten>,1,<application>(<applicationData>)}. {@code location} is where the
 * request was written (for messages); {@code registrar} is the module's name as {@code dialplan show}
 * prints it.
 */
public record ProvidedHint(String context, String exten, String devices, String application, String applicationData,
                           SourceLocation location, String registrar) {}
