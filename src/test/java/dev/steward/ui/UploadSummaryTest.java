package dev.steward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The upload page's summary line: the stored one, or, for a report stored before it kept one, its status and counts. */
class UploadSummaryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theStoredSummaryIsShown() throws Exception {
        assertThat(UploadsResource.summary(json.readTree("{\"status\":\"COMMITTED\",\"summary\":\"upload 3 (inventory) committed: x\"}")))
                .isEqualTo("upload 3 (inventory) committed: x");
    }

    @Test
    void anOlderReportWithoutOneGivesItsStatusAndCounts() throws Exception {
        assertThat(UploadsResource.summary(json.readTree("{\"status\":\"COMMITTED\",\"errors\":0,\"warnings\":1,"
                + "\"counts\":{\"people\":1,\"agents\":82,\"credentials\":200,\"decisions\":0}}")))
                .isEqualTo("committed: 1 person, 82 agents, 200 credentials, 0 decisions; 0 errors, 1 warning");
        assertThat(UploadsResource.summary(null)).isEmpty();
    }
}
