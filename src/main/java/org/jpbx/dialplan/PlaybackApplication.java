package org.jpbx.dialplan;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Playback(file1[&file2...][,options])}: answers first unless {@code noanswer}; with
 * {@code skip}, does nothing on a channel that is not up. Each file is played in turn; a file that
 * cannot be played is reported and the next one tried. Sets PLAYBACKSTATUS to SUCCESS or FAILED.
 */
final class PlaybackApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    @Override
    public Result execute(PbxChannel c, String data) {
        if (data.isEmpty()) {
            LOG.warn("Playback requires an argument (filename)");
            return Result.HANGUP;
        }
        List<String> args = AppArgs.split(data, ',', 2, false);
        String files = AppArgs.arg(args, 0);
        String options = AppArgs.arg(args, 1).toLowerCase(Locale.ROOT);
        boolean skip = options.contains("skip"), noAnswer = options.contains("noanswer");
        if (options.contains("say")) LOG.warn("Playback option 'say' is not supported; the files are played");
        if (c.channel().state() != ChannelState.UP) {
            if (skip) {
                c.setVariable("PLAYBACKSTATUS", "SUCCESS");
                return Result.CONTINUE;
            }
            if (!noAnswer && !c.channel().answer()) {
                c.setVariable("PLAYBACKSTATUS", "FAILED");
                return Result.HANGUP;
            }
        }
        boolean failed = false;
        for (String file : files.split("&", -1)) {
            if (c.isHangupRequested()) { failed = true; break; }
            Channel.PlaybackResult r = c.channel().play(file);
            if (r == Channel.PlaybackResult.PLAYED) continue;
            failed = true;
            if (r == Channel.PlaybackResult.HUNG_UP) break;
            LOG.warn("ast_streamfile failed on {} for {}", c.channel().name(), data);
            LOG.warn("Playback failed on {} for {}", c.channel().name(), data);
        }
        c.setVariable("PLAYBACKSTATUS", failed ? "FAILED" : "SUCCESS");
        return Result.CONTINUE;
    }
}
