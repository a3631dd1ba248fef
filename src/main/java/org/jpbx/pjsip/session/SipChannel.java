package org.jpbx.pjsip.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import org.jpbx.dialplan.CallerId;
import org.jpbx.dialplan.Channel;
import org.jpbx.dialplan.ChannelState;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.sip.message.Header;

/**
 * The dialplan's view of an incoming PJSIP call: indications become responses to the INVITE,
 * {@link #hangup} a final response or a BYE, and the peer's BYE or CANCEL a hang-up request to
 * the dialplan. Methods run on the dialplan's virtual thread; waiting happens there, never on a lane.
 */
final class SipChannel implements Channel {
    /** Asked of a channel whose call has not been answered within this time is treated as gone. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    final Leg leg;
    final CallMedia media;
    private final Path soundsDir;
    private volatile PbxChannel pbx;
    private volatile CallerId callerId;
    private volatile BlockingQueue<Object> dialEvents;
    /** PJSIP_HEADER(add,...) for the next outgoing INVITE of a Dial. */
    final List<Header> addedHeaders = new ArrayList<>();

    /** A hang-up of the caller while a Dial waits on {@link #dialEvents}. */
    record CallerGone(int cause) {}

    SipChannel(Leg leg, CallerId callerId, CallMedia media, Path soundsDir) {
        this.leg = leg;
        this.callerId = callerId;
        this.media = media;
        this.soundsDir = soundsDir;
        leg.setListener(new LegListener() {
            @Override
            public void onEnd(Leg l, int cause, int status) {
                PbxChannel p = pbx;
                if (p != null) p.requestHangup(cause);
                BlockingQueue<Object> q = dialEvents;
                if (q != null) q.offer(new CallerGone(cause));
            }
        });
    }

    void attach(PbxChannel pc) { this.pbx = pc; }

    PbxChannel pbxChannel() { return pbx; }

    /** Where a Dial in progress hears of the caller's hang-up; null to stop. */
    void setDialEvents(BlockingQueue<Object> q) {
        this.dialEvents = q;
        if (q != null && leg.ended()) q.offer(new CallerGone(0));
    }

    @Override public String name() { return leg.name; }
    @Override public String uniqueId() { return leg.uniqueId; }
    @Override public CallerId callerId() { return callerId; }
    @Override public void setCallerId(CallerId c) { this.callerId = c == null ? CallerId.NONE : c; }
    @Override public ChannelState state() { return leg.state(); }

    @Override
    public boolean answer() {
        if (leg.state() == ChannelState.UP) return true;
        if (leg.ended()) return false;
        String sdp = localSdp();
        if (sdp == null) return false;
        leg.answer(sdp);
        return awaitUp();
    }

    /** Waits (on the dialplan thread) until the 200 OK is out; false when the call ended instead. */
    boolean awaitUp() {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (leg.state() == ChannelState.UP) return true;
            if (leg.ended()) return false;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return leg.state() == ChannelState.UP;
    }

    @Override public void indicateRinging() { leg.ring(); }

    @Override
    public void indicateProgress() {
        String sdp = localSdp();
        if (sdp != null) leg.progress(sdp);
    }

    /**
     * What our 183/200 carries: the answer to the caller's offer at our relay port, or our offer
     * when the INVITE had none. Null (and the call ended with 503) when no relay port is free.
     */
    String localSdp() {
        try {
            String answer = media.answer();
            return answer != null ? answer : media.offer(List.of());
        } catch (CallMedia.MediaUnavailable e) {
            org.slf4j.LoggerFactory.getLogger("pjsip.session").warn("{}: no RTP port for the call: {}", leg.name, e.getMessage());
            leg.hangup(org.jpbx.dialplan.HangupCause.CONGESTION);
            return null;
        }
    }

    @Override
    public void indicateBusy() {
        if (leg.state() != ChannelState.UP) leg.reject(486);
    }

    @Override
    public void indicateCongestion() {
        if (leg.state() != ChannelState.UP) leg.reject(503);
    }

    /** Plays a sound file through the relay leg in the leg's own law (8 kHz WAV, raw µ-law/A-law). */
    @Override
    public PlaybackResult play(String name) {
        org.jpbx.media.Law law = law();
        Path file = org.jpbx.media.SoundFiles.find(soundsDir, name, law);
        if (file == null) return PlaybackResult.NOT_FOUND;
        org.jpbx.media.Audio audio;
        try {
            audio = org.jpbx.media.SoundFiles.load(file, law);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger("pbx").warn("Playback of {} failed: {}", file, e.getMessage());
            return PlaybackResult.NOT_FOUND;
        }
        var relayLeg = media.relayLeg();
        if (relayLeg == null) return PlaybackResult.NOT_FOUND;
        var done = relayLeg.play(audio);
        PbxChannel p = pbx;
        long deadline = System.nanoTime() + Duration.ofMillis(audio.millis() + 10_000).toNanos();
        while (System.nanoTime() < deadline) {
            if (p != null && p.isHangupRequested() || leg.ended()) {
                relayLeg.stopPlayback();
                return PlaybackResult.HUNG_UP;
            }
            try {
                org.jpbx.media.PlaybackResult r = done.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                return r == org.jpbx.media.PlaybackResult.CLOSED ? PlaybackResult.HUNG_UP : PlaybackResult.PLAYED;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PlaybackResult.HUNG_UP;
            } catch (java.util.concurrent.ExecutionException e) {
                return PlaybackResult.HUNG_UP;
            }
        }
        relayLeg.stopPlayback();
        return PlaybackResult.PLAYED;
    }

    private org.jpbx.media.Law law() {
        var s = media.stream();
        if (s != null && s.preferredCodec() != null) {
            org.jpbx.media.Law l = org.jpbx.media.Law.of(s.preferredCodec());
            if (l != null) return l;
        }
        return org.jpbx.media.Law.ULAW;
    }

    /** Sends the caller's RTP back to it until the caller hangs up. */
    @Override
    public boolean echo() {
        PbxChannel p = pbx;
        var relayLeg = media.relayLeg();
        if (p == null || relayLeg == null) return false;
        relayLeg.echo();
        while (!p.awaitHangup(Duration.ofHours(1))) {
            if (leg.ended()) break;
        }
        relayLeg.idle();
        return false;
    }

    @Override
    public String sipHeader(String name, int n) {
        var invite = leg.invite();
        if (invite == null || n < 1) return null;
        List<String> values = invite.headerValues(name);
        return n <= values.size() ? values.get(n - 1) : null;
    }

    @Override
    public boolean editSipHeader(String action, String name, String value) {
        synchronized (addedHeaders) {
            switch (action.toLowerCase(Locale.ROOT)) {
                case "add" -> addedHeaders.add(new Header(name, value));
                case "update" -> {
                    addedHeaders.removeIf(h -> h.name().equalsIgnoreCase(name));
                    addedHeaders.add(new Header(name, value));
                }
                case "remove" -> {
                    if (name.endsWith("*")) {
                        String prefix = name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT);
                        addedHeaders.removeIf(h -> h.name().toLowerCase(Locale.ROOT).startsWith(prefix));
                    } else addedHeaders.removeIf(h -> h.name().equalsIgnoreCase(name));
                }
                default -> { return false; }
            }
        }
        return true;
    }

    @Override
    public void hangup(int cause) {
        leg.hangup(cause);
        media.session().close();
    }
}
