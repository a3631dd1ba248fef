/**
 * The dialplan: extensions.conf as Asterisk's pbx_config reads it, and the PBX core that runs it.
 *
 * <ul>
 *   <li>Model: {@link org.jpbx.dialplan.Dialplan} (immutable, swapped whole on reload) of
 *       {@link org.jpbx.dialplan.Context}s, {@link org.jpbx.dialplan.Extension}s and
 *       {@link org.jpbx.dialplan.Priority}s; {@link org.jpbx.dialplan.ExtensionPattern} has
 *       Asterisk's matching and order; {@link org.jpbx.dialplan.DialplanLoader} reads the file and
 *       merges {@link org.jpbx.dialplan.ProvidedHint}s (the wizard's); {@link org.jpbx.dialplan.DialplanManager}
 *       owns the running one and its reloads.</li>
 *   <li>Text: {@link org.jpbx.dialplan.Substitution} ({@code ${...}}), {@link org.jpbx.dialplan.Expression}
 *       ({@code $[...]}), {@link org.jpbx.dialplan.Functions}, {@link org.jpbx.dialplan.AppArgs}.</li>
 *   <li>Running: {@link org.jpbx.dialplan.Pbx} runs a {@link org.jpbx.dialplan.PbxChannel} (the
 *       dialplan's state of a call) on a virtual thread; applications drive the call through the
 *       {@link org.jpbx.dialplan.Channel} interface and place outgoing legs through the
 *       {@link org.jpbx.dialplan.Dialer} interface, both implemented by the call layer.</li>
 *   <li>Hints: {@link org.jpbx.dialplan.Hints} keeps each hint's extension state from the device
 *       state bus ({@code org.jpbx.devicestate}) and tells its watchers.</li>
 * </ul>
 *
 * <p>Where jpbx differs on purpose: contexts are listed newest first by {@code dialplan show}, as
 * Asterisk's list does; an unknown application, an include of an undefined context and a pattern
 * that cannot match as written are reported at load time rather than at call time; a call that
 * runs a million priorities without ending is hung up (a loop in the dialplan).
 */
package org.jpbx.dialplan;
