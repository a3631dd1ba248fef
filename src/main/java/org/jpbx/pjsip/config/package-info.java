/**
 * pjsip.conf objects: option tables, typed values, the loader and the configuration snapshot.
 *
 * <p>The way in: {@link org.jpbx.pjsip.config.PjsipSections#fromConf} picks the sections that
 * become objects ({@link org.jpbx.pjsip.config.RawObject}s; the wizard produces the same), then
 * {@link org.jpbx.pjsip.config.PjsipLoader#load} applies each object's lines through its type's
 * {@link org.jpbx.pjsip.config.OptionTable} and {@link org.jpbx.pjsip.config.TypeRules}, giving an
 * immutable {@link org.jpbx.pjsip.config.PjsipConfig}. {@link org.jpbx.pjsip.config.PjsipWriter}
 * prints objects back as pjsip.conf text; {@link org.jpbx.pjsip.config.PjsipConfig#diff} says what
 * a reload changed.
 *
 * <p>Sub-packages: {@code types} (one value type per kind of text: bool, codec list, ACL rule...),
 * {@code tables} (one option table per object type, transcribed from pjsip-objects.md with the
 * CODE defaults), {@code rules} (per-type apply checks and implied settings).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Errors follow Asterisk's consequences: a bad option rejects one object, a duplicate id
 *       rejects its whole type, two global (or system) sections reject both. jpbx reports every
 *       problem of an object, not only the first.</li>
 *   <li>Where Asterisk is silent jpbx warns: sections without or with an unknown type, boolean
 *       words that are none of Asterisk's, dangling references, ignored TLS options.</li>
 *   <li>{@code allow}/{@code disallow} edit one codec list, {@code permit}/{@code deny} one rule
 *       list (likewise the contact_ pair); the deprecated {@code threadpool_*} system options write
 *       their {@code taskpool_*} counterparts.</li>
 *   <li>phoneprov keeps every line; the first occurrence of a name counts, as in Asterisk's code.</li>
 *   <li>{@code type=contact} sections are not objects of pjsip.conf (contacts live in the store).</li>
 *   <li>google_oauth auths are rejected: the SIP stack has no OAuth. geoloc_* options are kept
 *       with a warning: there is no geolocation support yet.</li>
 * </ul>
 */
package org.jpbx.pjsip.config;
