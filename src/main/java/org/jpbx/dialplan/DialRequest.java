package org.jpbx.dialplan;

import java.time.Duration;
import java.util.List;

/**
 * A parsed {@code Dial(targets[,timeout[,options[,URL]]])}. {@code timeout} is null when the call
 * rings until answered or abandoned (no or an invalid timeout, as in Asterisk).
 */
public record DialRequest(List<DialTarget> targets, Duration timeout, DialOptions options, String url) {
    public DialRequest {
        targets = List.copyOf(targets);
    }
}
