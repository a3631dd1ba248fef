package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.conf.ConfTestSupport.pairs;
import static org.jpbx.conf.ConfTestSupport.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionTest {

    @Test
    void sections_keep_file_order_names_and_header_lines() {
        var r = parse("[one]\na = 1\n\n[two]\nb = 2\n");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("one", "two");
        assertThat(r.file().sections()).extracting(s -> s.location().toString()).containsExactly("pjsip.conf:1", "pjsip.conf:4");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void name_is_taken_literally_between_brackets() {
        var r = parse("[ a b ]\nx = 1\n");
        assertThat(r.file().sections().getFirst().name()).isEqualTo(" a b ");
    }

    @Test
    void name_longer_than_79_bytes_is_silently_truncated() {
        String longName = "n".repeat(100);
        var r = parse("[" + longName + "]\nx = 1\n");
        assertThat(r.file().sections().getFirst().name()).isEqualTo("n".repeat(79));
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[a] (!)          | false",
            "[a]x(!)          | false",
            "[a](!) trailing  | true",
            "[a](!)(ignored)  | true",
    })
    void option_list_counts_only_right_after_the_bracket(String header, boolean template) {
        var r = parse(header + "\nx = 1\n");
        assertThat(r.file().sections().getFirst().isTemplate()).isEqualTo(template);
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void duplicate_names_make_separate_sections() {
        var r = parse("[6001]\ntype = endpoint\n[6001]\ntype = aor\n[6001]\ntype = auth\n");
        assertThat(r.file().sections("6001")).extracting(s -> s.get("type")).containsExactly("endpoint", "aor", "auth");
        assertThat(r.file().section("6001").get("type")).isEqualTo("endpoint");
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void section_lookup_ignores_case() {
        var r = parse("[General]\nx = 1\n");
        assertThat(r.file().section("general")).isNotNull();
        assertThat(r.file().sections("GENERAL")).hasSize(1);
        assertThat(r.file().section("other")).isNull();
    }

    @Test
    void templates_and_multiple_inheritance_in_listed_order() {
        var r = parse("""
                [phone-base](!)
                type = endpoint
                context = staff
                disallow = all
                allow = ulaw
                direct_media = no

                [hd-audio](!)
                allow = g722
                direct_media = yes

                [3002](phone-base,hd-audio)
                auth = 3002
                aors = 3002
                allow = opus
                """);
        Section s = r.section("3002");
        assertThat(pairs(s.entries())).containsExactly("type=endpoint", "context=staff", "disallow=all", "allow=ulaw",
                "direct_media=no", "allow=g722", "direct_media=yes", "auth=3002", "aors=3002", "allow=opus");
        assertThat(s.templates()).containsExactly("phone-base", "hd-audio");
        assertThat(s.isTemplate()).isFalse();
        assertThat(pairs(s.ownEntries())).containsExactly("auth=3002", "aors=3002", "allow=opus");
        assertThat(s.get("direct_media")).isEqualTo("yes");
        assertThat(s.getAll("allow")).containsExactly("ulaw", "g722", "opus");
        // Inherited entries keep the template's lines.
        assertThat(s.entries().getFirst().location().toString()).isEqualTo("pjsip.conf:2");
        assertThat(r.file().sections()).filteredOn(Section::isTemplate).extracting(Section::name)
                .containsExactly("phone-base", "hd-audio");
        assertThat(r.section("phone-base")).as("section() skips templates").isNull();
        assertThat(r.file().sections("phone-base")).hasSize(1);
    }

    @Test
    void inherited_variables_of_the_parent_are_copied_too() {
        var r = parse("[t1](!)\na = 1\n[t2](!,t1)\nb = 2\n[c](t2)\nc = 3\n");
        assertThat(r.entries("c")).containsExactly("a=1", "b=2", "c=3");
        assertThat(r.file().sections("t2").getFirst().isTemplate()).isTrue();
        assertThat(r.file().sections("t2").getFirst().templates()).containsExactly("t1");
    }

    @Test
    void position_of_bang_does_not_matter() {
        var r = parse("[t1](!)\na = 1\n[t2](t1,!)\nb = 2\n");
        Section t2 = r.file().sections("t2").getFirst();
        assertThat(t2.isTemplate()).isTrue();
        assertThat(pairs(t2.entries())).containsExactly("a=1", "b=2");
    }

    @Test
    void a_normal_section_can_be_inherited_from() {
        var r = parse("[base]\na = 1\n[child](base)\nb = 2\n");
        assertThat(r.entries("child")).containsExactly("a=1", "b=2");
    }

    @Test
    void inheritance_is_a_snapshot() {
        var r = parse("[t](!)\na = 1\n[c](t)\n[t](+TEMPLATES=include)\nb = 2\n");
        assertThat(r.entries("c")).containsExactly("a=1");
        assertThat(pairs(r.file().sections("t").getFirst().entries())).containsExactly("a=1", "b=2");
    }

    @Test
    void inheritance_picks_the_first_section_of_that_name() {
        var r = parse("[t](!)\nv = first\n[t](!)\nv = second\n[c](t)\n");
        assertThat(r.entries("c")).containsExactly("v=first");
    }

    @Test
    void undefined_template_is_fatal() {
        var r = parse("[c](missing)\na = 1\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:1: error: section 'c' inherits from 'missing', which is not defined (templates must be defined above the sections that use them)");
    }

    @Test
    void template_defined_after_use_is_undefined() {
        var r = parse("[c](t)\n[t](!)\na = 1\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.diag().errors()).hasSize(1);
    }

    @Test
    void blanks_in_the_option_list_are_part_of_the_names() {
        var r = parse("[t1](!)\na = 1\n[t2](!)\nb = 2\n[c](t1, t2)\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:5: error: section 'c' inherits from ' t2', which is not defined (blanks are part of the name: write the list without spaces, e.g. '(t2)')");
    }

    @Test
    void empty_item_inherits_from_the_first_section_with_a_warning() {
        var r = parse("[first]\na = 1\n[c](first,)\nb = 2\n");
        assertThat(r.entries("c")).containsExactly("a=1", "a=1", "b=2");
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: warning: empty name in the option list of section 'c': it inherits from the first section of the file");
        assertThat(r.file().valid()).isTrue();
    }

    @Test
    void missing_closing_bracket_is_fatal_and_its_lines_go_nowhere() {
        var r = parse("[a\nx = 1\n[b]\ny = 2\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly("pjsip.conf:1: error: missing ']' in section header");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("b");
        assertThat(r.entries("b")).containsExactly("y=2");
    }

    @Test
    void missing_closing_parenthesis_is_fatal() {
        var r = parse("[a](!\nx = 1\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly("pjsip.conf:1: error: missing ')' after the option list of section 'a'");
    }

    @Test
    void plus_appends_to_the_first_non_template_section_of_that_name() {
        var r = parse("""
                [3001]
                type = aor
                max_contacts = 1

                [3001]
                type = endpoint

                [3001](+)
                qualify_frequency = 60
                """);
        assertThat(r.file().sections()).hasSize(2);
        assertThat(pairs(r.file().sections("3001").get(0).entries())).containsExactly("type=aor", "max_contacts=1", "qualify_frequency=60");
        assertThat(pairs(r.file().sections("3001").get(1).entries())).containsExactly("type=endpoint");
        assertThat(r.file().sections("3001").get(0).entries().get(2).location().line()).isEqualTo(9);
    }

    @Test
    void plus_lookup_ignores_case() {
        var r = parse("[Office]\na = 1\n[office](+)\nb = 2\n");
        assertThat(r.entries("Office")).containsExactly("a=1", "b=2");
    }

    @Test
    void filtered_append_selects_by_variable_regex() {
        var r = parse("""
                [3001]
                type = endpoint
                [3001]
                type = aor
                [3001](+type=aor)
                max_contacts = 2
                [3001](+type=^endpoint$)
                context = x
                """);
        assertThat(pairs(r.file().sections("3001").get(0).entries())).containsExactly("type=endpoint", "context=x");
        assertThat(pairs(r.file().sections("3001").get(1).entries())).containsExactly("type=aor", "max_contacts=2");
    }

    @Test
    void filter_pairs_joined_by_ampersand_must_all_match() {
        var r = parse("[x]\ntype = aor\nmax_contacts = 1\n[x]\ntype = aor\nmax_contacts = 5\n[x](+type=aor&max_contacts=5)\nk = v\n");
        assertThat(r.file().sections("x").get(1).get("k")).isEqualTo("v");
        assertThat(r.file().sections("x").get(0).get("k")).isNull();
    }

    @Test
    void filter_regex_is_unanchored() {
        var r = parse("[x]\ntype = endpoint\n[x](+type=point)\nk = v\n");
        assertThat(r.section("x").get("k")).isEqualTo("v");
    }

    @Test
    void templates_need_the_templates_pair() {
        var r = parse("[t](!)\ntype = aor\n[t](+type=aor)\nk = v\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: error: cannot append to section 't': no earlier section of that name matches 'type=aor'");

        var ok = parse("[t](!)\ntype = aor\n[t](+type=aor&TEMPLATES=include)\nk = v\n");
        assertThat(ok.file().valid()).isTrue();
        assertThat(pairs(ok.file().sections("t").getFirst().entries())).containsExactly("type=aor", "k=v");
    }

    @Test
    void templates_restrict_selects_only_templates() {
        var r = parse("[t]\na = 1\n[t](!)\na = 2\n[t](+TEMPLATES=restrict)\nk = v\n");
        assertThat(r.file().sections("t").get(0).get("k")).isNull();
        assertThat(r.file().sections("t").get(1).get("k")).isEqualTo("v");
    }

    @Test
    void plain_plus_skips_templates_and_says_so() {
        var r = parse("[t](!)\na = 1\n[t](+)\nk = v\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: error: cannot append to section 't': no earlier section of that name that is not a template (use (+TEMPLATES=include) to append to a template)");
    }

    @Test
    void append_to_missing_section_is_fatal() {
        var r = parse("[a]\nx = 1\n[b](+)\ny = 2\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly("pjsip.conf:3: error: cannot append to section 'b': no earlier section of that name");
    }

    @Test
    void bad_filter_regex_is_an_error_and_matches_nothing() {
        var r = parse("[a]\ntype = aor\n[a](+type=(aor)\n");
        // The ')' inside the filter ends the option list early, leaving '+type=(aor' as the filter.
        assertThat(r.file().valid()).isFalse();
        assertThat(r.diag().errors()).hasSize(2);
        assertThat(r.diag().errors().get(0).toString()).startsWith("pjsip.conf:3: error: bad filter '+type=(aor': regular expression does not compile:");
        assertThat(r.diag().errors().get(1).toString())
                .isEqualTo("pjsip.conf:3: error: cannot append to section 'a': no earlier section of that name matches 'type=(aor'");
    }

    @Test
    void filter_pair_without_equals_matches_nothing() {
        var r = parse("[a]\ntype = aor\n[a](+type)\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: error: bad filter '+type': 'type' has no '='",
                "pjsip.conf:3: error: cannot append to section 'a': no earlier section of that name matches 'type'");
    }

    @Test
    void inheritance_before_plus_moves_variables_into_the_target() {
        var r = parse("[t](!)\nt = 1\n[a]\na = 1\n[a](t,+)\nb = 2\n");
        assertThat(r.entries("a")).containsExactly("a=1", "t=1", "b=2");
        assertThat(r.section("a").templates()).isEmpty();
        assertThat(r.file().sections()).hasSize(2);

        var after = parse("[t](!)\nt = 1\n[a]\na = 1\n[a](+,t)\nb = 2\n");
        assertThat(after.entries("a")).containsExactly("a=1", "t=1", "b=2");
        assertThat(after.section("a").templates()).containsExactly("t");
    }

    @Test
    void bang_with_plus_turns_the_target_into_a_template() {
        var r = parse("[a]\na = 1\n[a](!,+)\nb = 2\n");
        assertThat(r.file().sections()).hasSize(1);
        assertThat(r.file().sections().getFirst().isTemplate()).isTrue();
        assertThat(pairs(r.file().sections().getFirst().entries())).containsExactly("a=1", "b=2");
    }

    @Test
    void sections_from_one_include_level_are_visible_later() {
        var r = parse("[t](!)\na = 1\n[x](t)\n[y](x)\n");
        assertThat(r.entries("y")).containsExactly("a=1");
        assertThat(r.section("y").templates()).containsExactly("x");
    }

    @Test
    void parsing_continues_after_a_fatal_error_to_report_every_problem() {
        var r = parse("[a](nope)\nx = 1\n[b\n[c](+)\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.diag().errors()).extracting(d -> d.location().line()).containsExactly(1, 3, 4);
    }

    @Test
    void inheritance_lookup_ignores_case() {
        var r = parse("[Base](!)\na = 1\n[c](BASE)\n");
        assertThat(r.entries("c")).containsExactly("a=1");
        assertThat(r.section("c").templates()).as("the template's own spelling is recorded").containsExactly("Base");
    }

    @Test
    void parse_string_without_a_directory_uses_the_virtual_name_in_locations() {
        var d = new Diagnostics();
        ConfFile f = ConfParser.parseString("[a]\nx\n", "extensions.conf", d);
        assertThat(f.sections()).extracting(Section::name).containsExactly("a");
        assertThat(d.all()).extracting(Diagnostic::toString).containsExactly("extensions.conf:2: warning: no '=' in 'x'; line ignored");
    }
}
