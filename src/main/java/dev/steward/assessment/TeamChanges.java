package dev.steward.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How each team's scores changed since the previous run ({@link RunDiff#teams()}), by team, for the pages that show a
 * run's teams without the rest of its diff. Read from the stored diff alone and kept for the last few runs: a stored
 * run never changes.
 */
@ApplicationScoped
public class TeamChanges {

    private final AssessmentStore store;
    private final Map<String, Optional<Map<String, RunDiff.TeamDelta>>> kept = Collections.synchronizedMap(Lru.map(4));

    public TeamChanges(AssessmentStore store) {
        this.store = store;
    }

    /**
     * The teams of run {@code id} whose scores changed, by team; a team of the run absent from the map scored the same
     * both times. Empty when the run does not exist, had no previous run, or was compared with a run that stored no
     * teams' framework scores.
     */
    public Optional<Map<String, RunDiff.TeamDelta>> of(String id) {
        Optional<Map<String, RunDiff.TeamDelta>> found = kept.get(id);
        if (found == null) {
            found = store.diffJson(id).flatMap(json -> json).map(json -> AssessmentJson.read(json, RunDiff.class))
                    .filter(d -> d.teams() != null).map(d -> {
                        Map<String, RunDiff.TeamDelta> byTeam = new HashMap<>();
                        d.teams().forEach(t -> byTeam.put(t.team(), t));
                        return Collections.unmodifiableMap(byTeam);
                    });
            kept.put(id, found);
        }
        return found;
    }
}
