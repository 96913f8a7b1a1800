package io.aura.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The German check in the browserless tests sees only English that is in a bundle; this one sees English that
 * never got there: a word written straight into a component's text, label, header, title or notification.
 */
class NoHardCodedTextsTest {
    /** A string literal that starts with a letter, given to something that shows it to people. */
    static final Pattern SHOWN_LITERAL = Pattern.compile("(new (Button|Span|H[1-6]|Paragraph|Anchor|Checkbox|"
            + "TextField|TextArea|IntegerField|NumberField|PasswordField|EmailField|ComboBox<[^>]*>|"
            + "MultiSelectComboBox<[^>]*>|Select<[^>]*>|DatePicker|DateTimePicker|TimePicker|SideNavItem|SideNav|"
            + "Tab|Details|RadioButtonGroup<[^>]*>|CheckboxGroup<[^>]*>)\\(\"[A-Za-z]"
            + "|\\.(setText|setLabel|setHeaderTitle|setPlaceholder|setHelperText|setErrorMessage|setTitle|"
            + "setAriaLabel|setConfirmText|setCancelText|setRejectText|setHeader|setTooltipText)\\(\"[A-Za-z]"
            + "|Notification\\.show\\(\"[A-Za-z])");

    /** Examples of a format, not words: an address or a URL shown as a placeholder. */
    static final Pattern EXAMPLE = Pattern.compile("setPlaceholder\\(\"[^\"]*(@|://)[^\"]*\"\\)");

    @Test
    void no_view_writes_a_word_of_its_own_instead_of_reading_it_from_a_bundle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (SHOWN_LITERAL.matcher(line).find() && !EXAMPLE.matcher(line).find()) {
                        found.add(source.getFileName() + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("texts written in the code instead of read from i18n/*.properties").isEmpty();
    }
}
