package nl.vertelpunt.story.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.web.JsonPaths;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.ProblemMapper;

/** Reads a story filter given as JSON in a query parameter ({@code ?filter={"roles":["ouder"]}}). */
@ApplicationScoped
public class FilterParameter {

    private final ObjectMapper mapper;

    FilterParameter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The filter, or null when none was given; 400 naming the field when it is not a valid filter. */
    public StoryFilter parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(json, StoryFilter.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "";
            String field = where.isEmpty() || where.equals("body") ? "filter" : "filter." + where;
            throw ProblemException.malformed(field, ProblemMapper.jsonMessage(e, field));
        }
    }
}
