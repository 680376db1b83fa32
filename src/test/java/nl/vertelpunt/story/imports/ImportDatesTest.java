package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportDatesTest {

    @Test
    void shouldReadADateAsMidnightInDutchTime() {
        assertThat(ImportDates.parse("2021-07-28")).contains(Instant.parse("2021-07-27T22:00:00Z"));
        assertThat(ImportDates.parse(" 2021-01-08 ")).contains(Instant.parse("2021-01-07T23:00:00Z"));
    }

    @Test
    void shouldReadDateTimesWithAndWithoutOffset() {
        assertThat(ImportDates.parse("2021-07-28T10:15:00Z")).contains(Instant.parse("2021-07-28T10:15:00Z"));
        assertThat(ImportDates.parse("2021-07-28T12:15+02:00")).contains(Instant.parse("2021-07-28T10:15:00Z"));
        assertThat(ImportDates.parse("2021-07-28T12:15:30.750+02:00")).contains(Instant.parse("2021-07-28T10:15:30Z"));
        assertThat(ImportDates.parse("2021-07-28T12:15")).contains(Instant.parse("2021-07-28T10:15:00Z"));
        assertThat(ImportDates.parse("2021-12-01 09:00:00")).contains(Instant.parse("2021-12-01T08:00:00Z"));
    }

    @Test
    void shouldRefuseEverythingElse() {
        assertThat(ImportDates.parse("28-07-2021")).isEmpty();
        assertThat(ImportDates.parse("2021/07/28")).isEmpty();
        assertThat(ImportDates.parse("2021-02-30")).isEmpty();
        assertThat(ImportDates.parse("gisteren")).isEmpty();
        assertThat(ImportDates.parse("2021-07-28T25:00")).isEmpty();
    }
}
