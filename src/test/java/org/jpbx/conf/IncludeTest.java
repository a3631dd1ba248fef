package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.conf.ConfTestSupport.parse;
import static org.jpbx.conf.ConfTestSupport.write;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
    @TempDir Path dir;

    @Test
    void missing_top_level_file_is_empty_and_silent() {
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().exists()).isFalse();
        assertThat(r.file().valid()).isTrue();
        assertThat(r.file().sections()).isEmpty();
        assertThat(r.diag().isEmpty()).isTrue();
        assertThat(r.file().file()).isEqualTo(dir.resolve("pjsip.conf").toAbsolutePath().normalize());
    }

    @Test
    void include_reads_the_file_in_place_with_its_own_locations() throws Exception {
        write(dir, "pjsip.conf", "[global]\ntype = global\n#include pjsip.d/transports.conf\n[after]\nx = 1\n");
        write(dir, "pjsip.d/transports.conf", "; transports\n[udp]\ntype = transport\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().exists()).isTrue();
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("global", "udp", "after");
        assertThat(r.section("udp").location().toString()).isEqualTo("pjsip.d/transports.conf:2");
        assertThat(r.section("udp").entries().getFirst().location().toString()).isEqualTo("pjsip.d/transports.conf:3");
        assertThat(r.file().files()).containsExactly(dir.resolve("pjsip.conf"), dir.resolve("pjsip.d/transports.conf"));
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void relative_paths_are_relative_to_the_config_dir_not_the_including_file() throws Exception {
        write(dir, "pjsip.conf", "#include sub/a.conf\n");
        write(dir, "sub/a.conf", "#include b.conf\n");
        write(dir, "b.conf", "[b]\nx = 1\n");
        write(dir, "sub/b.conf", "[wrong]\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("b");
    }

    @Test
    void absolute_include_path_outside_the_config_dir_is_shown_absolute() throws Exception {
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        write(other, "x.conf", "[x]\nk = v\n");
        write(conf, "pjsip.conf", "#include \"" + other.resolve("x.conf") + "\"\n");
        var r = parse(conf, "pjsip.conf");
        assertThat(r.section("x").location().toString()).isEqualTo(other.resolve("x.conf") + ":1");
    }

    @Test
    void quotes_and_angle_brackets_are_removed_only_when_closed() throws Exception {
        write(dir, "a.conf", "[a]\n");
        write(dir, "b.conf", "[b]\n");
        write(dir, "pjsip.conf", "#include \"a.conf\"\n#include <b.conf>\n#include \"a.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a", "b");
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: error: included file '\"a.conf' does not exist (use #tryinclude for optional files)");
        assertThat(r.file().valid()).isFalse();
    }

    @Test
    void missing_include_is_fatal_with_file_and_line() throws Exception {
        write(dir, "pjsip.conf", "[a]\nx = 1\n#include nope.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: error: included file 'nope.conf' does not exist (use #tryinclude for optional files)");
    }

    @Test
    void missing_tryinclude_is_silent() throws Exception {
        write(dir, "pjsip.conf", "[a]\n#tryinclude nope.conf\n#tryinclude pjsip.d/local-*.conf\nx = 1\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.diag().isEmpty()).isTrue();
        assertThat(r.entries("a")).containsExactly("x=1");
    }

    @Test
    void glob_matches_are_read_in_sorted_order() throws Exception {
        write(dir, "pjsip.d/20-b.conf", "[b]\n");
        write(dir, "pjsip.d/10-a.conf", "[a]\n");
        write(dir, "pjsip.d/30-c.conf", "[c]\n");
        write(dir, "pjsip.d/.hidden.conf", "[hidden]\n");
        write(dir, "pjsip.d/notes.txt", "[txt]\n");
        write(dir, "pjsip.conf", "#include pjsip.d/*.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a", "b", "c");
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void braces_expand_in_the_order_written() throws Exception {
        write(dir, "x.conf", "[x]\n");
        write(dir, "y1.conf", "[y1]\n");
        write(dir, "y2.conf", "[y2]\n");
        write(dir, "pjsip.conf", "#include {x,y?}.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("x", "y1", "y2");

        write(dir, "pjsip.conf", "#include {y?,x}.conf\n");
        assertThat(parse(dir, "pjsip.conf").file().sections()).extracting(Section::name).containsExactly("y1", "y2", "x");
    }

    @Test
    void glob_matching_nothing_is_fatal_for_include() throws Exception {
        write(dir, "pjsip.conf", "[a]\n#include pjsip.d/*.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: error: '#include pjsip.d/*.conf' matches no file (use #tryinclude for optional files)");
    }

    @Test
    void included_file_continues_the_current_section_and_the_includer_resumes_its_own() throws Exception {
        write(dir, "inc.conf", "from_inc = 1\n[other]\nk = v\n");
        write(dir, "pjsip.conf", "[main]\na = 1\n#include inc.conf\nb = 2\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.entries("main")).containsExactly("a=1", "from_inc=1", "b=2");
        assertThat(r.entries("other")).containsExactly("k=v");
    }

    @Test
    void a_later_include_starts_in_the_section_opened_last_anywhere() throws Exception {
        write(dir, "x.conf", "[b]\n");
        write(dir, "y.conf", "from_y = 1\n");
        write(dir, "pjsip.conf", "[a]\n#include x.conf\nfoo = 1\n#include y.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.entries("a")).containsExactly("foo=1");
        assertThat(r.entries("b")).containsExactly("from_y=1");
    }

    @Test
    void files_of_one_pattern_share_the_current_section() throws Exception {
        write(dir, "d/1.conf", "[one]\n");
        write(dir, "d/2.conf", "k = v\n");
        write(dir, "pjsip.conf", "#include d/*.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.entries("one")).containsExactly("k=v");
        assertThat(r.file().valid()).isTrue();
    }

    @Test
    void included_file_without_a_current_section_fails_only_itself() throws Exception {
        write(dir, "inc.conf", "orphan = 1\n[never]\n");
        write(dir, "pjsip.conf", "#include inc.conf\n[a]\nx = 1\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a");
        assertThat(r.messages()).containsExactly(
                "inc.conf:1: error: variable line before the first section header",
                "inc.conf:1: notice: the rest of inc.conf is not read: a fatal error ends an included file (the including file continues)");
    }

    @Test
    void fatal_error_in_an_included_file_ends_it_and_skips_later_matches_of_the_pattern() throws Exception {
        write(dir, "d/1.conf", "[one]\nk = v\n[broken\n[lost]\n");
        write(dir, "d/2.conf", "[two]\n");
        write(dir, "pjsip.conf", "[top]\n#include d/*.conf\n[after]\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("top", "one", "after");
        assertThat(r.messages()).containsExactly(
                "d/1.conf:3: error: missing ']' in section header",
                "d/1.conf:3: notice: the rest of d/1.conf is not read: a fatal error ends an included file (the including file continues)",
                "pjsip.conf:2: notice: not read after the error in d/1.conf: d/2.conf");
    }

    @Test
    void missing_include_inside_an_included_file_ends_that_file_only() throws Exception {
        write(dir, "a.conf", "[a]\n#include gone.conf\n[lost]\n");
        write(dir, "pjsip.conf", "#include a.conf\n[b]\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a", "b");
        assertThat(r.diag().errors()).extracting(Diagnostic::toString).containsExactly(
                "a.conf:2: error: included file 'gone.conf' does not exist (use #tryinclude for optional files)");
    }

    @Test
    void include_cycle_is_reported_and_fatal() throws Exception {
        write(dir, "pjsip.conf", "[a]\n#include b.conf\n");
        write(dir, "b.conf", "[b]\n#include pjsip.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a", "b");
        assertThat(r.diag().errors()).extracting(Diagnostic::toString).containsExactly(
                "b.conf:2: error: include cycle: pjsip.conf -> b.conf -> pjsip.conf");
        // The cycle is inside b.conf, so (as with any fatal error in an included file) only b.conf stops.
        assertThat(r.file().valid()).isTrue();
    }

    @Test
    void self_include_in_the_top_level_file_makes_it_invalid() throws Exception {
        write(dir, "pjsip.conf", "[a]\n#include pjsip.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly("pjsip.conf:2: error: include cycle: pjsip.conf -> pjsip.conf");
    }

    @Test
    void tryinclude_cycle_is_a_warning_and_skipped() throws Exception {
        write(dir, "pjsip.conf", "[a]\n#tryinclude *.conf\n");
        write(dir, "other.conf", "[o]\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a", "o");
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: warning: include cycle: pjsip.conf -> pjsip.conf; not read again");
    }

    @Test
    void includes_nest_at_most_ten_levels() throws Exception {
        write(dir, "pjsip.conf", "#include l1.conf\n");
        for (int i = 1; i <= 11; i++) write(dir, "l" + i + ".conf", "[s" + i + "]\n#include l" + (i + 1) + ".conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name)
                .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
        assertThat(r.diag().errors()).extracting(Diagnostic::toString).containsExactly(
                "l10.conf:2: error: '#include l11.conf' is nested more than 10 includes deep; not read");
        assertThat(r.file().valid()).isTrue();
    }

    @Test
    void directive_words_ignore_case_and_problems_are_warnings() throws Exception {
        write(dir, "a.conf", "[a]\n");
        write(dir, "pjsip.conf", "#INCLUDE a.conf\n#include\n#tryinclude   \n#exec /bin/date\n#exec\n#define x\n#\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: warning: '#include' needs a file name; line ignored",
                "pjsip.conf:3: warning: '#tryinclude' needs a file name; line ignored",
                "pjsip.conf:4: warning: '#exec' is not supported (jpbx never runs programs named in configuration files); line ignored",
                "pjsip.conf:5: warning: '#exec' is not supported (jpbx never runs programs named in configuration files); line ignored",
                "pjsip.conf:6: warning: unknown directive '#define'; line ignored",
                "pjsip.conf:7: warning: unknown directive '#'; line ignored");
    }

    @Test
    void a_directory_is_not_a_file() throws Exception {
        Files.createDirectories(dir.resolve("d.conf"));
        write(dir, "pjsip.conf", "#tryinclude d.conf\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.messages()).containsExactly("pjsip.conf:1: warning: 'd.conf' is not a regular file; ignored");
    }

    @Test
    void templates_from_an_included_file_are_usable_afterwards() throws Exception {
        write(dir, "templates.conf", "[base](!)\ntype = endpoint\n");
        write(dir, "pjsip.conf", "#include templates.conf\n[6001](base)\ncontext = x\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.entries("6001")).containsExactly("type=endpoint", "context=x");
        assertThat(r.section("6001").entries().getFirst().location().toString()).isEqualTo("templates.conf:2");
    }

    @Test
    void block_comment_state_is_per_include() throws Exception {
        write(dir, "a.conf", "[a]\n;-- open\n");
        write(dir, "pjsip.conf", "#include a.conf\n[b]\nx = 1\n");
        var r = parse(dir, "pjsip.conf");
        assertThat(r.entries("b")).containsExactly("x=1");
        assertThat(r.messages()).containsExactly(
                "a.conf:2: warning: unterminated block comment: ';--' here is never closed by '--;'; the rest of the file is ignored");
    }

    @Test
    void top_level_directory_counts_as_missing_with_a_warning() throws Exception {
        Files.createDirectories(dir.resolve("pjsip.conf"));
        var r = parse(dir, "pjsip.conf");
        assertThat(r.file().exists()).isFalse();
        assertThat(r.messages()).containsExactly("warning: 'pjsip.conf' is not a regular file; ignored");
    }
}
