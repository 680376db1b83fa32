package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A published collection form (vertelpunt): who may tell, what they are asked, and the questions about
 * their story. The JSON shape is the exchange format between installations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryPointDefinition(
        String slug,
        LocalizedText title,
        LocalizedText intro,
        LocalizedText privacy,
        LocalizedText crisisHelp,
        List<Role> roles,
        LocalizedText storyPrompt,
        Completeness completeness,
        List<Question> questions,
        Integer suppressionThreshold,
        List<ModuleUse> modules) {

    /** Groups smaller than this are shown as "&lt;k" in every aggregate (default 5). */
    public static final int DEFAULT_SUPPRESSION = 5;

    /** The suppression threshold, or the default. */
    public int suppression() {
        return suppressionThreshold == null ? DEFAULT_SUPPRESSION : suppressionThreshold;
    }

    /** The modules this story point includes, each with its pinned version; empty when it has none. */
    public List<ModuleUse> moduleUses() {
        return modules == null ? List.of() : modules;
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public boolean hasRole(String roleId) {
        return roles.stream().anyMatch(r -> r.id().equals(roleId));
    }

    /** The languages this story point is offered in: those of its title. */
    @JsonIgnore
    public Set<String> languages() {
        return title.texts().keySet();
    }
}
