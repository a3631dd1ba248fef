package org.jpbx.manage.pjsip;

import java.time.Duration;

/**
 * A channel of an endpoint as the {@code Channel}/{@code Exten} rows show it: its name
 * ({@code PJSIP/1001-00000002}), the application it runs, its state ({@code Up}, {@code Ring}...),
 * its age, the dialled extension and the connected line.
 */
public record ChannelInfo(String name, String application, String state, Duration age, String exten,
                          String connectedName, String connectedNumber) {}
