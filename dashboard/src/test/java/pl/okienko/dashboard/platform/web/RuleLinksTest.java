package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every rule ID the pages show (in a template or a message, any language) is explained in
 * docs/standards.md under its own anchor ({@code docs/standards.md#q1}), so a reader of a page can
 * look up any ID it shows.
 */
class RuleLinksTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path STANDARDS = Path.of("..", "docs", "standards.md");
    /** Rule IDs as the pages write them: a family letter and a number, a word of their own. */
    private static final Pattern RULE_ID = Pattern.compile("\\b[QPTECIS][1-9]\\b");

    @Test
    void everyRuleIdThePagesShowHasItsOwnSectionInStandardsMd() throws IOException {
        Set<String> shown = ruleIdsShown();
        String standards = Files.readString(STANDARDS);

        assertThat(shown).as("rule IDs found in the templates and messages").contains("Q1", "P1", "T1", "E1", "C1", "I1");
        for (String id : shown) {
            String anchor = "<a id=\"" + id.toLowerCase(Locale.ROOT) + "\"></a>\n### " + id + " — ";
            assertThat(standards).as("docs/standards.md#%s: an anchor followed by the heading of rule %s",
                    id.toLowerCase(Locale.ROOT), id).contains(anchor);
        }
    }

    @Test
    void theSatisfactionIndexOfS1IsDefinedToo() throws IOException {
        assertThat(Files.readString(STANDARDS)).contains("<a id=\"s1\"></a>\n### S1 — ", "**Satisfaction index**, 0–100");
    }

    private static Set<String> ruleIdsShown() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(RuleLinksTest::showsText).toList()) {
                Matcher m = RULE_ID.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    private static boolean showsText(Path file) {
        String name = file.getFileName().toString();
        return (file.startsWith(RESOURCES.resolve("templates")) && name.endsWith(".html"))
                || (name.startsWith("messages") && name.endsWith(".properties"));
    }
}
