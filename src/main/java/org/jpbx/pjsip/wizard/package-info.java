/**
 * The pjsip configuration wizard: {@link org.jpbx.pjsip.wizard.Wizard#expand} turns every
 * {@code type=wizard} section of pjsip_wizard.conf into plain {@link org.jpbx.pjsip.config.RawObject}s
 * (endpoint, aor, auth, identify, registration, phoneprov) and {@link org.jpbx.pjsip.wizard.WizardHint}s
 * for the dialplan; {@link org.jpbx.pjsip.wizard.WizardWriter} prints the objects back as pjsip.conf text.
 * The reference is pjsip-wizard.md (Asterisk's res_pjsip_config_wizard).
 *
 * <p>One class a job: {@code WizardSection} reads a section (options case-insensitive, last wins;
 * pass-through prefixes exact), one generator per object type appends the wizard's values after the
 * pass-throughs in Asterisk's order, {@code Patterns} expands {@code ${REMOTE_HOST}}/{@code ${USERNAME}},
 * {@code NameCheck} and {@code NameSuggester} explain unknown names, {@code Reporter} reports each
 * message once.
 *
 * <p>Option names and values of the generated objects are not checked here; the pjsip option tables
 * do that, and every generated entry carries the pjsip_wizard.conf line that caused it (the section
 * header for values the wizard synthesizes, such as {@code aors=<id>} and {@code @pjsip_wizard}).
 * Reload bookkeeping ({@code @pjsip_wizard}, {@code @hint_context}, {@code @hint_exten}) is generated
 * as Asterisk does, although a jpbx reload rebuilds the whole snapshot.
 */
package org.jpbx.pjsip.wizard;
