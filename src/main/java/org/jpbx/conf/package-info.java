/**
 * Asterisk {@code .conf} syntax: turns a file and its includes into {@link org.jpbx.conf.Section}s
 * with file:line, plus {@link org.jpbx.conf.Diagnostics}. Entry point: {@link org.jpbx.conf.ConfParser}.
 *
 * <p>The reference is Asterisk's text config loader; what it loads, jpbx loads. The pieces:
 * {@code PhysicalLines} (bytes to numbered lines), {@code CommentStripper} (comments across lines),
 * {@code LineSyntax} (one line to a header, directive or variable), {@code SectionAssembler}
 * (inheritance, {@code (+)} appends, {@code +=}), {@code SectionFilter} ({@code +type=aor}),
 * {@code Glob} and {@code ConfLoader} (includes, depth, cycles, what a fatal error stops).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Locations show files relative to the configuration directory when inside it, else absolute.</li>
 *   <li>Section lookups ({@code ConfFile.section}, inheritance, {@code (+)}) and key lookups
 *       ({@code Section.get}) ignore ASCII case, as Asterisk's do; {@code +=} finds its target by the
 *       exact name, as Asterisk's does. Names and keys keep the case written.</li>
 *   <li>A fatal error in the top-level file makes the {@code ConfFile} invalid; parsing goes on so
 *       that every problem is reported, but nothing may be applied. A fatal error inside an included
 *       file only ends that file (and the remaining files of the same include pattern), because that
 *       is what Asterisk loads; the error is still reported.</li>
 *   <li>Where jpbx differs on purpose: include cycles are detected and named (fatal for
 *       {@code #include}, as Asterisk ends up at its depth limit; a warning and skipped for
 *       {@code #tryinclude}, where Asterisk would read the file ten times over); {@code #exec} is
 *       never run; line numbers restart in each file matched by a glob (Asterisk keeps counting);
 *       filter regexes use Java syntax rather than POSIX.</li>
 * </ul>
 */
package org.jpbx.conf;
