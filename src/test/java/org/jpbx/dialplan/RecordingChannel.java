package org.jpbx.dialplan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real {@link Channel} for tests that keeps a log of what the dialplan asked of it. Sound files in
 * {@code sounds} exist; others are "not found". {@code hangUpAfterPlay} makes the caller hang up
 * while the named file plays.
 */
final class RecordingChannel implements Channel {
    final List<String> log = new CopyOnWriteArrayList<>();
    final Set<String> sounds;
    final Map<String, String> headers;
    volatile ChannelState state = ChannelState.RING;
    volatile CallerId callerId;
    volatile int hangupCause = -1;
    volatile PbxChannel pbx;
    volatile String hangUpAfterPlay;

    RecordingChannel(CallerId callerId, Set<String> sounds, Map<String, String> headers) {
        this.callerId = callerId;
        this.sounds = sounds;
        this.headers = headers;
    }

    RecordingChannel() { this(new CallerId("Alice", "6001"), Set.of("hello-world", "beep"), Map.of("X-Tenant", "acme")); }

    @Override public String name() { return "PJSIP/6001-00000001"; }
    @Override public String uniqueId() { return "1700000000.1"; }
    @Override public CallerId callerId() { return callerId; }
    @Override public void setCallerId(CallerId id) { log.add("callerid " + id.all()); this.callerId = id; }
    @Override public ChannelState state() { return state; }

    @Override public boolean answer() {
        log.add("answer");
        state = ChannelState.UP;
        return true;
    }

    @Override public void indicateRinging() { log.add("ringing"); }
    @Override public void indicateProgress() { log.add("progress"); }
    @Override public void indicateBusy() { log.add("busy"); }
    @Override public void indicateCongestion() { log.add("congestion"); }

    @Override public PlaybackResult play(String name) {
        log.add("play " + name);
        if (name.equals(hangUpAfterPlay)) {
            pbx.requestHangup(HangupCause.NORMAL_CLEARING);
            return PlaybackResult.HUNG_UP;
        }
        return sounds.contains(name) ? PlaybackResult.PLAYED : PlaybackResult.NOT_FOUND;
    }

    @Override public boolean echo() { log.add("echo"); return false; }

    @Override public String sipHeader(String name, int n) {
        for (Map.Entry<String, String> e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name) && n == 1) return e.getValue();
        return null;
    }

    @Override public void hangup(int cause) {
        log.add("hangup " + cause);
        hangupCause = cause;
    }
}
