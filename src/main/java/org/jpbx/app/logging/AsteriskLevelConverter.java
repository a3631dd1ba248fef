package org.jpbx.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;

/**
 * The level word of a log line, with Asterisk's NOTICE for events marked so. SLF4J has no NOTICE
 * level; security events are logged at INFO with a NOTICE marker, and this prints "NOTICE" so
 * that fail2ban filters written for Asterisk's log match jpbx's lines unchanged.
 */
public final class AsteriskLevelConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        if (event.getMarkerList() != null) {
            for (Marker m : event.getMarkerList()) if ("NOTICE".equals(m.getName())) return "NOTICE";
        }
        return event.getLevel().toString();
    }
}
