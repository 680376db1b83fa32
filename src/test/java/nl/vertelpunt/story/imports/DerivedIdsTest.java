package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;

import nl.vertelpunt.storypoint.definition.DefinitionValidator;
import org.junit.jupiter.api.Test;

class DerivedIdsTest {

    @Test
    void shouldGiveTheSameStoryInTheSameFileTheSameId() {
        String first = new DerivedIds().next("Titel", "Een verhaal");
        assertThat(new DerivedIds().next("Titel", "Een verhaal")).isEqualTo(first);
        assertThat(first).hasSize(16).matches(DefinitionValidator.ID);
        assertThat(new DerivedIds().next("Titel", "Een ander verhaal")).isNotEqualTo(first);
        assertThat(new DerivedIds().next(null, "Een verhaal")).isNotEqualTo(first);
    }

    @Test
    void shouldKeepRowsTellingTheSameStoryApartByTheirOrder() {
        DerivedIds ids = new DerivedIds();
        String a = ids.next(null, "Geen");
        String b = ids.next(null, "Geen");
        assertThat(b).isNotEqualTo(a);
        DerivedIds again = new DerivedIds();
        assertThat(again.next(null, "Geen")).isEqualTo(a);
        assertThat(again.next(null, "Geen")).isEqualTo(b);
    }

    @Test
    void shouldIgnoreLineEndsAndOuterWhiteSpace() {
        assertThat(new DerivedIds().next(" Titel", "Regel een\r\nRegel twee\n"))
                .isEqualTo(new DerivedIds().next("Titel", "Regel een\nRegel twee"));
        assertThat(new DerivedIds().next("", "x")).isEqualTo(new DerivedIds().next(null, "x"));
    }
}
