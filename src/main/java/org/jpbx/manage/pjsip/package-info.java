/**
 * {@code pjsip show|list ...}: the configuration and live state of pjsip objects in Asterisk's CLI
 * layout, byte for byte.
 *
 * <p>{@link org.jpbx.manage.pjsip.PjsipShowCommands#register} adds the commands. One engine
 * ({@code ShowEngine}) prints every plural and singular command: an empty line, the header rows,
 * 90 {@code =}, the objects sorted by id, {@code Objects found: N}; {@code No objects found.},
 * {@code Unable to find object <id>.} and {@code No object specified.} otherwise. One formatter
 * per object kind knows its header and row formats (printf conversions of Asterisk's code spelt
 * out in {@code CliLayout}) and, for {@code show}, its children.
 *
 * <p>What is not configuration comes from {@link org.jpbx.manage.pjsip.PjsipRuntimeView}: contacts
 * and their qualify status, device states, channels, outbound registration states, resolved
 * identify hosts. {@link org.jpbx.manage.pjsip.ConfigRuntimeView} answers from the configuration
 * alone until the registrar, qualify, channels and the registration client provide live state.
 *
 * <p>Where jpbx differs from Asterisk on purpose:
 * <ul>
 *   <li>{@code pjsip show auth <id>} masks passwords, precomputed digests and OAuth secrets.</li>
 *   <li>{@code like} takes a Java regular expression (found anywhere in the id, as Asterisk's
 *       POSIX extended one is); a malformed one is reported instead of failing silently.</li>
 *   <li>An identify host name that has not been resolved prints as written.</li>
 * </ul>
 */
package org.jpbx.manage.pjsip;
