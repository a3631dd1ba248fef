/**
 * Phone provisioning: what Asterisk's res_phoneprov and res_pjsip_phoneprov_provider do
 * (reference §7). {@link org.jpbx.phoneprov.PhoneprovConf} reads phoneprov.conf,
 * {@code PjsipProvider} turns pjsip {@code type=phoneprov} objects (and the wizard's
 * {@code <id>-phoneprov}) into lines, {@link org.jpbx.phoneprov.Provisioning} groups them into
 * devices and builds the route table, {@link org.jpbx.phoneprov.Phoneprov} serves it over HTTP and
 * reloads it.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Templates and static files are read from {@code phoneprov/} in the configuration
 *       directory (Asterisk's {@code <astdatadir>/phoneprov}); names that would leave it are
 *       refused when phoneprov.conf is read. A request path is only a key into the route table.</li>
 *   <li>Templates are read at each request (as Asterisk does), so a changed template is served
 *       at once; a reload re-reads phoneprov.conf and rebuilds devices and routes.</li>
 *   <li>A phoneprov object's variables: the first occurrence of a name wins, as in Asterisk's
 *       code; the derived ones (endpoint, auth, defaults, SERVER, SERVER_PORT, LINE, LINEKEYS,
 *       time zone, then setvar, in Asterisk's order) are only added when absent.</li>
 *   <li>MACs are used exactly as written; routes match exactly. check-config warns about MACs
 *       with upper case or separators, since phones ask for lower-case names.</li>
 *   <li>An entry whose endpoint is missing or has no explicit, existing transport is skipped with
 *       a warning (Asterisk logs an error): in jpbx an error would refuse the whole reload.</li>
 *   <li>TZOFFSET and the DST values follow Asterisk: the server's zone when a line has no
 *       TIMEZONE, the transitions around now, the hours as the wall clock shows them right after
 *       the change.</li>
 *   <li>{@code ${SERVER}} without serveraddr/serveriface is the address the request arrived on.</li>
 * </ul>
 */
package org.jpbx.phoneprov;
