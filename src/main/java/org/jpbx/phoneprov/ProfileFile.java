package org.jpbx.phoneprov;

import org.jpbx.conf.SourceLocation;

/**
 * One file line of a profile. For a static file {@code route} is the file name as written and
 * {@code file} the path below the phoneprov directory ({@code staticdir} + name); for a dynamic
 * file {@code route} is the route template ({@code ${TOLOWER(${MAC})}.cfg}) and {@code file} the
 * template to render. {@code mimeType} is already resolved (line, extension, profile, text/plain).
 */
public record ProfileFile(String route, String file, String mimeType, SourceLocation location) {}
