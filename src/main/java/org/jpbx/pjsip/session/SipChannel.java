package org.jpbx.pjsip.session;

import java.nio.file.Files;
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
    private final String mediaAddress;
    private final Path soundsDir;
    private volatile PbxChannel pbx;
    private volatile CallerId callerId;
    private volatile BlockingQueue<Object> dialEvents;
    /** PJSIP_HEADER(add,...) for the next outgoing INVITE of a Dial. */
    final List<Header> addedHeaders = new ArrayList<>();

    /** A hang-up of the caller while a Dial waits on {@link #dialEvents}. */
    record CallerGone(int cause) {}

    SipChannel(Leg leg, CallerId callerId, String mediaAddress, Path soundsDir) {
        this.leg = leg;
        this.callerId = callerId;
        this.mediaAddress = mediaAddress;
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
        leg.answer(Sdp.localAnswer(leg.remoteOffer(), leg.endpoint.codecs(), mediaAddress, System.currentTimeMillis() / 1000));
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
        leg.progress(Sdp.localAnswer(leg.remoteOffer(), leg.endpoint.codecs(), mediaAddress, System.currentTimeMillis() / 1000));
    }

    @Override
    public void indicateBusy() {
        if (leg.state() != ChannelState.UP) leg.reject(486);
    }

    @Override
    public void indicateCongestion() {
        if (leg.state() != ChannelState.UP) leg.reject(503);
    }

    /**
     * Until the media relay carries audio, a sound is "played" for as long as it lasts (8 kHz
     * samples: raw G.711 one byte each, WAV two), so the dialplan's timing is right.
     */
    @Override
    public PlaybackResult play(String name) {
        Path file = findSound(name);
        if (file == null) return PlaybackResult.NOT_FOUND;
        long millis;
        try {
            long size = Files.size(file);
            millis = file.toString().endsWith(".wav") ? Math.max(0, size - 44) / 16 : size / 8;
        } catch (java.io.IOException e) {
            return PlaybackResult.NOT_FOUND;
        }
        PbxChannel p = pbx;
        if (p == null) return PlaybackResult.PLAYED;
        return p.sleep(Duration.ofMillis(Math.min(millis, 3_600_000))) ? PlaybackResult.PLAYED : PlaybackResult.HUNG_UP;
    }

    private Path findSound(String name) {
        Path base = Path.of(name).isAbsolute() ? Path.of(name) : soundsDir.resolve(name);
        for (String ext : List.of(".wav", ".ulaw", ".alaw", ".pcm", ".sln")) {
            Path p = base.resolveSibling(base.getFileName() + ext);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    @Override
    public boolean echo() {
        PbxChannel p = pbx;
        if (p == null) return false;
        while (!p.awaitHangup(Duration.ofHours(1))) {
            if (leg.ended()) return false;
        }
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
    public void hangup(int cause) { leg.hangup(cause); }
}
